package dev.gantry.runner.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ContainerRuntime} on a Docker engine, through the Engine API with docker-java; the
 * {@code docker} command is never run. The engine is the one {@code DOCKER_HOST} names in the
 * given environment, else {@code unix:///var/run/docker.sock}. Calls that return at once (create,
 * inspect, list, remove) time out after a minute so that a hung engine cannot hang a job or a
 * shutdown hook; streaming calls (exec output, pull, build, copies) have no such limit.
 *
 * <p>Thread-safe. Opening one does not contact the engine; {@link #available()} does.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    private final DockerConnection docker;
    private final ExecStopSettings stopSettings;
    private final DockerImages images;
    private final DockerContainers containers;
    private final DockerReadiness readiness;
    private final DockerCopy copy;
    private final DockerCleanup cleanup;

    /**
     * @param environment the variables to find the engine by ({@code DOCKER_HOST},
     *                    {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code HOME})
     * @param stopSettings how exec'd commands are stopped and how long their lines may get
     */
    public DockerContainerRuntime(Map<String, String> environment, ExecStopSettings stopSettings) {
        this.docker = DockerConnection.open(environment);
        this.stopSettings = stopSettings;
        this.images = new DockerImages(docker);
        this.containers = new DockerContainers(docker, stopSettings.maxLineBytes());
        this.readiness = new DockerReadiness(containers);
        this.copy = new DockerCopy(docker);
        this.cleanup = new DockerCleanup(docker, containers);
    }

    /** A runtime for this process's environment with GitHub's stop timings. */
    public static DockerContainerRuntime fromSystemEnvironment() {
        return new DockerContainerRuntime(System.getenv(), ExecStopSettings.defaults());
    }

    @Override
    public Availability available() {
        return docker.availability();
    }

    @Override
    public boolean imageExists(String image) throws ContainerException {
        return images.exists(image);
    }

    @Override
    public void pull(String image, PullPolicy policy) throws ContainerException {
        images.pull(image, policy);
    }

    @Override
    public void build(Path contextDirectory, String tag, Consumer<String> progress) throws ContainerException {
        images.build(contextDirectory, tag, progress);
    }

    @Override
    public void createNetwork(String name, String runId) throws ContainerException {
        cleanup.createNetwork(name, runId);
    }

    @Override
    public void removeNetwork(String name) throws ContainerException {
        cleanup.removeNetwork(name);
    }

    @Override
    public StartedContainer start(ContainerSpec spec) throws ContainerException {
        return containers.start(spec);
    }

    @Override
    public void awaitReady(String container, Duration timeout) throws ContainerException {
        readiness.await(container, timeout);
    }

    @Override
    public ContainerExec exec(String container, ExecSpec spec) {
        return new DockerExec(docker, container, spec, stopSettings);
    }

    @Override
    public ContainerExec run(ContainerSpec spec, Optional<Duration> timeout) {
        return new DockerRun(docker, containers, spec, timeout, stopSettings);
    }

    @Override
    public void copyIn(String container, Path source, String containerDirectory) throws ContainerException {
        copy.copyIn(container, source, containerDirectory);
    }

    @Override
    public void copyOut(String container, String containerPath, Path hostDirectory) throws ContainerException {
        copy.copyOut(container, containerPath, hostDirectory);
    }

    @Override
    public List<String> logs(String container, int lines) throws ContainerException {
        return containers.logs(container, lines);
    }

    @Override
    public void remove(String container) throws ContainerException {
        containers.remove(container);
    }

    @Override
    public CleanupReport cleanup(String runId) {
        return cleanup.cleanup(runId);
    }

    @Override
    public Set<String> runsWithLeftovers() throws ContainerException {
        return cleanup.runsWithLeftovers();
    }

    @Override
    public void close() {
        docker.close();
    }
}

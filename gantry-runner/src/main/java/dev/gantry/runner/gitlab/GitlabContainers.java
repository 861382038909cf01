package dev.gantry.runner.gitlab;

import dev.gantry.model.Container;
import dev.gantry.runner.container.ContainerException;
import dev.gantry.runner.container.ContainerRuntime;
import dev.gantry.runner.container.ContainerSpec;
import dev.gantry.runner.container.ExecSpec;
import dev.gantry.runner.container.Mount;
import dev.gantry.runner.container.PullPolicy;
import dev.gantry.runner.container.ResourceNames;
import dev.gantry.runner.container.StartedContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A GitLab job under the Docker executor (docs.gitlab.com "Docker executor", "Services"): a network
 * of its own, each service reachable by its alias or by the names derived from its image, with the
 * job's variables; then the job's image, kept running so that the script sections are exec'd into
 * it with bash when the image has it, else sh. The project folder and the job's temp folder are
 * bind-mounted at the same paths, so CI_PROJECT_DIR means the same inside and out. {@link #close()}
 * removes everything.
 */
final class GitlabContainers implements AutoCloseable {

    /** How long a service may take to become ready. */
    static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(5);

    private final ContainerRuntime runtime;
    private final PullPolicy pullPolicy;
    private final String network;
    private final List<String> started = new ArrayList<>();
    private String build;
    private String shell = "sh";

    private GitlabContainers(ContainerRuntime runtime, PullPolicy pullPolicy, String network) {
        this.runtime = runtime;
        this.pullPolicy = pullPolicy;
        this.network = network;
    }

    /**
     * Starts the services and the job's container.
     *
     * @param pullPolicy when images are pulled, unless an image names its own {@code pull_policy}
     * @param image      the job's image (required by the Docker executor)
     * @param variables  the job's CI/CD variables, given to the job and to its services
     * @throws ContainerException when an image, a service or the engine fails; whatever started is removed
     */
    static GitlabContainers start(ContainerRuntime runtime, PullPolicy pullPolicy, String runId, String jobName,
                                  Container image, List<Container> services, Map<String, String> variables,
                                  List<Path> shared, Consumer<String> log) throws ContainerException {
        GitlabContainers c = new GitlabContainers(runtime, pullPolicy, ResourceNames.network(runId, jobName));
        boolean ok = false;
        try {
            runtime.createNetwork(c.network, runId);
            for (Container service : services) {
                c.startService(runId, jobName, service, variables, log);
            }
            c.startBuild(runId, jobName, image, variables, shared, log);
            ok = true;
            return c;
        } finally {
            if (!ok) {
                c.close();
            }
        }
    }

    private void startService(String runId, String jobName, Container service, Map<String, String> variables,
                              Consumer<String> log) throws ContainerException {
        List<String> aliases = aliases(service);
        log.accept("Starting service " + service.image() + " as " + String.join(", ", aliases) + " ...");
        runtime.pull(service.image(), pullPolicy(service));
        ContainerSpec.Builder spec = ContainerSpec.builder(service.image(),
                        ResourceNames.service(runId, jobName, aliases.get(0)), runId)
                .network(network, aliases)
                .env(variables);
        service.env().forEach(v -> spec.env(Map.of(v.name(), v.value())));
        if (!service.entrypoint().isEmpty()) {
            spec.entrypoint(service.entrypoint());
        }
        if (!service.command().isEmpty()) {
            spec.cmd(service.command());
        }
        StartedContainer s = runtime.start(spec.build());
        started.add(s.id());
        runtime.awaitReady(s.id(), SERVICE_READY_TIMEOUT);
    }

    private void startBuild(String runId, String jobName, Container image, Map<String, String> variables,
                            List<Path> shared, Consumer<String> log) throws ContainerException {
        log.accept("Using Docker executor with image " + image.image() + " ...");
        runtime.pull(image.image(), pullPolicy(image));
        ContainerSpec.Builder spec = ContainerSpec.builder(image.image(), ResourceNames.jobContainer(runId, jobName), runId)
                .network(network, List.of())
                .env(variables)
                .keepAlive();
        for (Path p : shared) {
            spec.mount(Mount.bind(p.toString(), p.toString()));
        }
        StartedContainer s = runtime.start(spec.build());
        started.add(s.id());
        build = s.id();
        // GitLab Runner's Docker executor runs the script with bash when the image has it, else sh.
        boolean bash = runtime.exec(build, ExecSpec.of("sh", "-c", "command -v bash")).await((k, l) -> { }).succeeded();
        shell = bash ? "bash" : "sh";
    }

    /**
     * The image's own {@code pull_policy} (docs.gitlab.com "CI/CD YAML syntax reference#image:pull_policy"),
     * else the run's. Of several policies the first is taken: without a registry the fallbacks GitLab
     * Runner would try after a failed pull cannot succeed either.
     */
    private PullPolicy pullPolicy(Container container) {
        return container.pullPolicy().stream().map(PullPolicy::parse).flatMap(java.util.Optional::stream)
                .findFirst().orElse(pullPolicy);
    }

    /**
     * A service's host names (docs.gitlab.com "Services#accessing the services"): its {@code alias},
     * else two names from the image without its tag: {@code /} replaced by {@code __} and by {@code -}.
     */
    static List<String> aliases(Container service) {
        if (service.alias() != null && !service.alias().isBlank()) {
            return List.of(service.alias().split(",")[0].strip());
        }
        String name = service.image();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        name = name.toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        names.add(name.replace("/", "__"));
        names.add(name.replace("/", "-"));
        return List.copyOf(names);
    }

    /** The container the script runs in. */
    String build() {
        return build;
    }

    /** {@code bash} or {@code sh}, whichever the image has. */
    String shell() {
        return shell;
    }

    @Override
    public void close() {
        runtime.removeQuietly(started, network);
    }

    /** For messages: the services' images. */
    static String images(List<Container> services) {
        return String.join(", ", services.stream().map(Container::image).toList());
    }
}

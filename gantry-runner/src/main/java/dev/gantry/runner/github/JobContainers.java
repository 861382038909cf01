package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.model.Container;
import dev.gantry.model.Variable;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.container.ContainerException;
import dev.gantry.runner.container.ContainerOptionsParser;
import dev.gantry.runner.container.ContainerRuntime;
import dev.gantry.runner.container.ContainerSpec;
import dev.gantry.runner.container.Mount;
import dev.gantry.runner.container.PortMapping;
import dev.gantry.runner.container.PublishedPort;
import dev.gantry.runner.container.PullPolicy;
import dev.gantry.runner.container.ResourceNames;
import dev.gantry.runner.container.StartedContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of one GitHub job ("Running jobs in a container", "About service containers"):
 * a user-defined network, the service containers on it (reachable by their service id as the host
 * name, health-checked, their {@code ports} published on 127.0.0.1 for a job on the host), and the
 * job container the steps run in, kept alive with {@code tail -f /dev/null}. The workspace and the
 * job's temp folder are bind-mounted at the same paths, so GITHUB_WORKSPACE means the same inside
 * and out. {@link #close()} removes everything, whatever happened.
 *
 * <p>A job container or service whose {@code image} evaluates to an empty string is not started
 * (workflow syntax, {@code jobs.<job_id>.container}: without a container the steps run on the host;
 * actions/runner#265 made an empty value mean "no container", so a matrix can mix container and
 * host legs). A job with no image left needs no Docker at all ({@link #needed}).
 */
final class JobContainers implements AutoCloseable {

    /** How long a service may take to become healthy. */
    static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(5);

    private final ContainerRuntime runtime;
    private final PullPolicy pullPolicy;
    private final String network;
    private final List<String> started = new ArrayList<>();
    private final Map<String, Object> servicesContext = new LinkedHashMap<>();
    private final Map<String, Object> containerContext = new LinkedHashMap<>();
    private String jobContainer;
    private boolean jobContainerHasBash;

    private JobContainers(ContainerRuntime runtime, PullPolicy pullPolicy, String network) {
        this.runtime = runtime;
        this.pullPolicy = pullPolicy;
        this.network = network;
    }

    /** A folder to mount at the same path inside the containers. */
    record SharedFolder(Path path) {
    }

    /**
     * Starts the job's network, services and container.
     *
     * @param pullPolicy when the images are pulled
     * @param evaluate   evaluates {@code ${{ }}} in image names, env values and options
     * @throws GithubJobRunner.JobSetupFailure with the reason (engine, image, health check, options)
     */
    static JobContainers start(ContainerRuntime runtime, PullPolicy pullPolicy, String runId, PlannedJob job,
                               List<SharedFolder> folders, Evaluate evaluate, java.util.function.Consumer<String> log)
            throws GithubJobRunner.JobSetupFailure {
        String jobName = job.key();
        JobContainers c = new JobContainers(runtime, pullPolicy, ResourceNames.network(runId, jobName));
        boolean ok = false;
        try {
            runtime.createNetwork(c.network, runId);
            for (Container service : job.job().services()) {
                c.startService(runId, jobName, service, job.job().container() == null, evaluate, log);
            }
            if (job.job().container() != null) {
                c.startJobContainer(runId, jobName, job.job().container(), folders, evaluate, log);
            }
            ok = true;
            return c;
        } catch (ContainerException e) {
            throw new GithubJobRunner.JobSetupFailure(e.getMessage());
        } finally {
            if (!ok) {
                c.close();
            }
        }
    }

    /**
     * Whether the job has a container or a service to start: one whose {@code image} does not
     * evaluate to an empty string.
     *
     * @throws GithubJobRunner.JobSetupFailure when an image expression cannot be evaluated
     */
    static boolean needed(PlannedJob job, Evaluate evaluate) throws GithubJobRunner.JobSetupFailure {
        Container container = job.job().container();
        if (container != null && !isBlank(evaluate.apply(container.image(), "container.image"))) {
            return true;
        }
        for (Container service : job.job().services()) {
            if (!isBlank(evaluate.apply(service.image(), "services." + service.alias() + ".image"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String image) {
        return image == null || image.isBlank();
    }

    /** Evaluates a workflow string. */
    @FunctionalInterface
    interface Evaluate {
        String apply(String text, String where) throws GithubJobRunner.JobSetupFailure;
    }

    private void startService(String runId, String jobName, Container service, boolean jobOnHost, Evaluate evaluate,
                              java.util.function.Consumer<String> log)
            throws ContainerException, GithubJobRunner.JobSetupFailure {
        String id = service.alias();
        String where = "services." + id;
        String image = evaluate.apply(service.image(), where + ".image");
        if (isBlank(image)) {
            return; // GitHub skips a service whose image evaluates to ''.
        }
        log.accept("Starting service " + id + " (" + image + ")");
        runtime.pull(image, pullPolicy);
        ContainerSpec.Builder spec = ContainerSpec.builder(image, ResourceNames.service(runId, jobName, id), runId)
                .network(network, List.of(id))
                .env(env(service.env(), evaluate, where));
        for (String p : service.ports()) {
            PortMapping mapping = PortMapping.parse(evaluate.apply(p, where + ".ports")).orElseThrow(() ->
                    new GithubJobRunner.JobSetupFailure("service " + id + ": cannot read the port '" + p + "'"));
            spec.port(mapping);
        }
        applyOptions(spec, service, evaluate, where);
        StartedContainer started = runtime.start(spec.build());
        this.started.add(started.id());
        runtime.awaitReady(started.id(), SERVICE_READY_TIMEOUT);
        Map<String, Object> ports = new LinkedHashMap<>();
        for (PublishedPort p : started.ports()) {
            ports.put(Integer.toString(p.containerPort()), Integer.toString(p.hostPort()));
        }
        servicesContext.put(id, Map.of("id", started.id(), "network", network, "ports", ports));
        if (jobOnHost && !ports.isEmpty()) {
            log.accept("Service " + id + ": " + String.join(", ", ports.entrySet().stream()
                    .map(e -> "port " + e.getKey() + " on 127.0.0.1:" + e.getValue()).toList()));
        }
    }

    private void startJobContainer(String runId, String jobName, Container container, List<SharedFolder> folders,
                                   Evaluate evaluate, java.util.function.Consumer<String> log)
            throws ContainerException, GithubJobRunner.JobSetupFailure {
        String image = evaluate.apply(container.image(), "container.image");
        if (isBlank(image)) {
            return; // the steps run on the host
        }
        log.accept("Starting job container (" + image + ")");
        runtime.pull(image, pullPolicy);
        ContainerSpec.Builder spec = ContainerSpec.builder(image, ResourceNames.jobContainer(runId, jobName), runId)
                .network(network, List.of())
                .env(env(container.env(), evaluate, "container"))
                .keepAlive();
        for (SharedFolder f : folders) {
            spec.mount(Mount.bind(f.path().toString(), f.path().toString()));
        }
        for (String p : container.ports()) {
            PortMapping.parse(evaluate.apply(p, "container.ports")).ifPresent(spec::port);
        }
        for (String v : container.volumes()) {
            Mount.parse(evaluate.apply(v, "container.volumes")).ifPresent(spec::mount);
        }
        applyOptions(spec, container, evaluate, "container");
        StartedContainer started = runtime.start(spec.build());
        this.started.add(started.id());
        jobContainer = started.id();
        // The runner's default shell in a container is bash when the image has it, else sh.
        jobContainerHasBash = runtime.exec(started.id(),
                dev.gantry.runner.container.ExecSpec.of("sh", "-c", "command -v bash")).await((stream, line) -> { })
                .succeeded();
        containerContext.put("id", started.id());
        containerContext.put("network", network);
    }

    private static void applyOptions(ContainerSpec.Builder spec, Container container, Evaluate evaluate, String where)
            throws GithubJobRunner.JobSetupFailure {
        if (container.options() == null || container.options().isBlank()) {
            return;
        }
        ContainerOptionsParser.Result parsed = ContainerOptionsParser.parse(
                evaluate.apply(container.options(), where + ".options"), container.range());
        if (parsed.hasErrors()) {
            throw new GithubJobRunner.JobSetupFailure(where + ".options: " + parsed.diagnostics().stream()
                    .map(Diagnostic::message).reduce((a, b) -> a + "; " + b).orElse("invalid options"));
        }
        spec.options(parsed.options());
    }

    private static Map<String, String> env(List<Variable> vars, Evaluate evaluate, String where)
            throws GithubJobRunner.JobSetupFailure {
        Map<String, String> env = new LinkedHashMap<>();
        for (Variable v : vars) {
            String value = evaluate.apply(v.value(), where + ".env." + v.name());
            env.put(v.name(), value == null ? "" : value);
        }
        return env;
    }

    /** The job container's id, when the job runs in one. */
    Optional<String> jobContainer() {
        return Optional.ofNullable(jobContainer);
    }

    /** Whether the job container has bash (the default shell), else steps default to sh. */
    boolean jobContainerHasBash() {
        return jobContainerHasBash;
    }

    /** The job's network, which its services are on. */
    String network() {
        return network;
    }

    /** The {@code job.services} context. */
    Map<String, Object> servicesContext() {
        return servicesContext;
    }

    /** The {@code job.container} context. */
    Map<String, Object> containerContext() {
        return containerContext;
    }

    /** Removes the containers and the network; never throws. */
    @Override
    public void close() {
        runtime.removeQuietly(started, network);
    }
}

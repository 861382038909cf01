package dev.gantry.runner.container;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The run's container runtime, made only when a job needs one (docker-java's start-up is not free,
 * and most runs never touch it), with its availability asked once, and the run's pull policy
 * ({@code gantry run --pull}) for every image a job, service, step or action names. Thread-safe.
 */
public final class ContainerSupport {

    private final Supplier<ContainerRuntime> factory;
    private final PullPolicy pullPolicy;
    private ContainerRuntime runtime;
    private Availability availability;

    public ContainerSupport(Supplier<ContainerRuntime> factory, PullPolicy pullPolicy) {
        this.factory = factory;
        this.pullPolicy = Objects.requireNonNull(pullPolicy, "pullPolicy");
    }

    /** The runtime; made on the first call. */
    public synchronized ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = factory.get();
        }
        return runtime;
    }

    /** Whether an engine answers, asked once per run. */
    public synchronized Availability availability() {
        if (availability == null) {
            availability = runtime().available();
        }
        return availability;
    }

    /** When images are pulled: {@link PullPolicy#MISSING} unless the user chose otherwise. */
    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    /** Removes whatever the run left on the engine, if a runtime was ever made. */
    public synchronized void cleanup(String runId) {
        if (runtime != null) {
            runtime.cleanup(runId);
        }
    }
}

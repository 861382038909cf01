package dev.gantry.runner.container;

import java.util.function.Supplier;

/**
 * The run's container runtime, made only when a job needs one (docker-java's start-up is not free,
 * and most runs never touch it), with its availability asked once. Thread-safe.
 */
public final class ContainerSupport {

    private final Supplier<ContainerRuntime> factory;
    private ContainerRuntime runtime;
    private Availability availability;

    public ContainerSupport(Supplier<ContainerRuntime> factory) {
        this.factory = factory;
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

    /** Removes whatever the run left on the engine, if a runtime was ever made. */
    public synchronized void cleanup(String runId) {
        if (runtime != null) {
            runtime.cleanup(runId);
        }
    }
}

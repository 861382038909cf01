package dev.gantry.runner.container;

/**
 * A command running in a container: exec'd into a running one by {@link ContainerRuntime#exec}, or
 * a container of its own run to completion by {@link ContainerRuntime#run}.
 *
 * <p>One thread calls {@link #await} once; any thread may call {@link #cancel()} at any time,
 * also before {@code await} and after it returned. Interrupting the thread in {@code await} counts
 * as a cancellation; the interrupt flag is set again when {@code await} returns.
 */
public interface ContainerExec {

    /**
     * Delivers the command's output to {@code listener} on the calling thread until the command
     * has ended, and returns how it ended. When the timeout passes or {@link #cancel()} is called,
     * the command's process group (for {@link ContainerRuntime#run}: the container's main process)
     * gets SIGINT, then SIGTERM, then SIGKILL, each after the grace period of
     * {@link ExecStopSettings}; {@code await} returns once the command has exited.
     *
     * @throws IllegalStateException when called a second time
     */
    ExecResult await(ExecListener listener);

    /** Asks the command to stop (see {@link #await}). Thread-safe, idempotent, returns at once. */
    void cancel();
}

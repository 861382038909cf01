package dev.gantry.runner.container;

/**
 * A command started in a container by {@link ContainerRuntime#exec}.
 *
 * <p>One thread calls {@link #await} once; any thread may call {@link #cancel()} at any time,
 * also before {@code await} and after it returned. Interrupting the thread in {@code await} counts
 * as a cancellation; the interrupt flag is set again when {@code await} returns.
 */
public interface ContainerExec {

    /**
     * Delivers the command's output to {@code listener} on the calling thread until the command
     * has ended, and returns how it ended. When the timeout passes or {@link #cancel()} is called,
     * the command's process group gets SIGINT, then SIGTERM, then SIGKILL, each after the grace
     * period of {@link ExecStopSettings}; {@code await} returns once the command has exited.
     *
     * @throws IllegalStateException when called a second time
     */
    ExecResult await(ExecListener listener);

    /** Asks the command to stop (see {@link #await}). Thread-safe, idempotent, returns at once. */
    void cancel();
}

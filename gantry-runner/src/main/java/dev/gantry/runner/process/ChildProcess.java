package dev.gantry.runner.process;

import java.util.concurrent.CompletableFuture;

/**
 * A process a {@link SessionSpawner} started: its pid (also the id of the process group and
 * session it leads) and its exit code, which completes once the process has exited and been
 * reaped.
 *
 * @param pid      the process id
 * @param exitCode the exit status (0–255), or 128 plus the signal number when a signal ended the
 *                 process, as {@link Process#exitValue()} reports it
 */
record ChildProcess(long pid, CompletableFuture<Integer> exitCode) {

    /** Whether the process has not been seen to exit yet. */
    boolean isAlive() {
        return !exitCode.isDone();
    }
}

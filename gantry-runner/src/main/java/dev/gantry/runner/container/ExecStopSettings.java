package dev.gantry.runner.container;

import java.time.Duration;

/**
 * How a running exec is stopped and how often it is checked.
 *
 * <p>The defaults copy GitHub's runner as documented in docs.github.com "Canceling a workflow"
 * ("Steps GitHub takes to cancel a workflow run"): SIGINT first, SIGTERM when the process has not
 * exited 7500 ms later, and a kill 2500 ms after that. As for host steps, each signal goes to the
 * command's whole process group, so children of a shell see it too.
 *
 * @param interruptGrace from SIGINT until SIGTERM
 * @param terminateGrace from SIGTERM until SIGKILL
 * @param maxLineBytes   a longer line is delivered in pieces of at most this many bytes
 */
public record ExecStopSettings(Duration interruptGrace, Duration terminateGrace, int maxLineBytes) {

    public ExecStopSettings {
        if (interruptGrace.isNegative() || terminateGrace.isNegative() || maxLineBytes < 4) {
            throw new IllegalArgumentException("durations must not be negative and maxLineBytes at least 4");
        }
    }

    /** GitHub's runner timings and 16 MiB lines. */
    public static ExecStopSettings defaults() {
        return new ExecStopSettings(Duration.ofMillis(7500), Duration.ofMillis(2500), 16 * 1024 * 1024);
    }
}

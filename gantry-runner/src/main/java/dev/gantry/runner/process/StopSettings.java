package dev.gantry.runner.process;

import java.time.Duration;

/**
 * How a running step is stopped and how often its output is read.
 *
 * <p>The defaults copy GitHub's runner as documented on docs.github.com, Actions reference,
 * "Workflow cancellation", step 3 of the list: the step's process gets SIGINT; if it has not
 * exited after 7500 ms it gets SIGTERM; if it still runs 2500 ms later the process tree is
 * killed. Gantry sends each signal to the step's whole process group rather than to the entry
 * process alone, like Ctrl-C in a terminal, so a foreground child of the shell sees SIGINT too.
 *
 * @param interruptGrace  from SIGINT until SIGTERM (default 7.5 s)
 * @param terminateGrace  from SIGTERM until SIGKILL (default 2.5 s); also how long processes a
 *                        stopped step left behind get between SIGTERM and SIGKILL
 * @param pollInterval    how often output files and process groups are checked while nothing
 *                        happens (default 10 ms); the main process's exit is noticed at once
 * @param maxLineBytes    a line longer than this is delivered in pieces of at most this many
 *                        bytes (default 16 MiB), so that a step printing without newlines cannot
 *                        exhaust memory; a secret that straddles a piece boundary is not masked
 */
public record StopSettings(Duration interruptGrace, Duration terminateGrace, Duration pollInterval,
                           int maxLineBytes) {

    public StopSettings {
        if (interruptGrace.isNegative() || terminateGrace.isNegative() || pollInterval.isNegative()
                || pollInterval.isZero() || maxLineBytes < 4) {
            throw new IllegalArgumentException("durations must be positive and maxLineBytes at least 4");
        }
    }

    /** GitHub's runner timings. */
    public static StopSettings defaults() {
        return new StopSettings(Duration.ofMillis(7500), Duration.ofMillis(2500), Duration.ofMillis(10),
                16 * 1024 * 1024);
    }
}

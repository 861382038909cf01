package dev.gantry.runner.process;

import java.time.Duration;
import java.util.Optional;

/**
 * How a step's process ended.
 *
 * @param exitCode     the main process's exit status; {@code 128 + n} when signal {@code n} killed
 *                     it (so 130 after SIGINT, 143 after SIGTERM, 137 after SIGKILL), as a shell
 *                     reports it; {@code -1} when the process could not be started
 * @param timedOut     the spec's timeout passed and the step was stopped because of it
 * @param cancelled    {@link StepProcess#cancel()} was called before the process ended on its own
 *                     (false when {@code timedOut} is true and the timeout came first)
 * @param duration     from just before the process was started until {@code await} returned
 *                     (output drained, leftovers of a stopped step killed)
 * @param startFailure why the process could not be started (program not found, working directory
 *                     missing...); empty when it ran
 */
public record ProcessResult(int exitCode, boolean timedOut, boolean cancelled, Duration duration,
                            Optional<String> startFailure) {

    /** True when the process ran and exited with status 0 without being stopped. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !cancelled && startFailure.isEmpty();
    }
}

package dev.gantry.runner.container;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an exec'd command ended.
 *
 * @param exitCode     the command's exit status; {@code 128 + n} when signal {@code n} ended it
 *                     (130 after SIGINT, 143 after SIGTERM, 137 after SIGKILL); {@code -1} when it
 *                     could not be started
 * @param timedOut     its timeout passed and it was stopped because of that
 * @param cancelled    {@link ContainerExec#cancel()} came before it ended on its own (false when
 *                     the timeout came first)
 * @param duration     from just before the exec was created until {@code await} returned
 * @param startFailure why it could not be started (container gone, program missing); empty when it ran
 */
public record ExecResult(int exitCode, boolean timedOut, boolean cancelled, Duration duration,
                         Optional<String> startFailure) {

    public ExecResult {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startFailure, "startFailure");
    }

    /** True when the command ran and exited with status 0 without being stopped. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !cancelled && startFailure.isEmpty();
    }
}

package dev.gantry.runner.github;

import java.time.Duration;
import java.util.Map;

/**
 * How a step's action ended, before continue-on-error.
 *
 * @param success  it ran and succeeded
 * @param exitCode the process's exit code, {@code -1} when none ran, {@link #TIMED_OUT_JOB} when the
 *                 job's timeout stopped it
 * @param duration wall time
 * @param outputs  the step's outputs (unmasked; masked when reported)
 * @param cancelled the step was stopped by a cancel of the run
 */
record StepRunResult(boolean success, int exitCode, Duration duration, Map<String, String> outputs,
                     boolean cancelled) {

    StepRunResult(boolean success, int exitCode, Duration duration, Map<String, String> outputs) {
        this(success, exitCode, duration, outputs, false);
    }

    /** The exit code reported when the job's own timeout stopped the step. */
    static final int TIMED_OUT_JOB = -2;

    static StepRunResult failed(Duration duration) {
        return new StepRunResult(false, -1, duration, Map.of());
    }
}

package dev.gantry.runner.report;

import java.time.Duration;
import java.util.Map;

/**
 * How a step ended (docs.github.com "Contexts reference#steps context").
 *
 * @param step       which step
 * @param outcome    before continue-on-error: {@code success}, {@code failure}, {@code cancelled} or {@code skipped}
 * @param conclusion after continue-on-error, same values
 * @param exitCode   the process's exit code, or -1 when none ran
 * @param duration   wall time
 * @param outputs    the step's outputs (GITHUB_OUTPUT), values masked
 */
public record StepResult(StepRef step, String outcome, String conclusion, int exitCode, Duration duration,
                         Map<String, String> outputs) {

    public StepResult {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }
}

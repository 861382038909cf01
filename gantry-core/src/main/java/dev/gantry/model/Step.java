package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.time.Duration;
import java.util.List;

/**
 * One step of a job.
 *
 * @param id               GitHub {@code id:}, or null; GitLab uses {@code script} and {@code after_script}
 * @param name             the display name, or null (the runner derives one from the action)
 * @param condition        GitHub {@code if:} as written, or null
 * @param action           what the step does
 * @param env              step {@code env:} in document order
 * @param continueOnError  GitHub {@code continue-on-error}
 * @param timeout          GitHub {@code timeout-minutes}, or null (also when written as an expression)
 * @param timeoutExpression GitHub {@code timeout-minutes} written as an expression, evaluated when the
 *                         step runs; or null
 * @param workingDirectory GitHub {@code working-directory}, or null
 * @param shell            GitHub {@code shell:} as written, or null for the default
 * @param range            where the step is written
 */
public record Step(String id, String name, String condition, StepAction action, List<Variable> env,
                   AllowFailure continueOnError, Duration timeout, String timeoutExpression,
                   String workingDirectory, String shell, SourceRange range) {

    public Step {
        env = List.copyOf(env);
    }

    /** This step with {@code timeout-minutes} decided: its expression evaluated to {@code timeout}. */
    public Step withTimeout(Duration decided) {
        return new Step(id, name, condition, action, env, continueOnError, decided, null, workingDirectory, shell,
                range);
    }
}

package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.Step;
import dev.gantry.runner.report.StepRef;
import java.util.Map;

/**
 * One use of an action: a job's {@code uses:} step, or a step inside a composite action.
 *
 * @param reference the {@code uses:} value
 * @param with      the {@code with:} inputs as written
 * @param env       the environment above the job's: the steps' {@code env:} from the job's step
 *                  down to this one, and what enclosing composite actions add (evaluated)
 * @param context   the contexts to evaluate {@code with:} and input defaults in ({@code env} holds
 *                  the job's env and {@link #env})
 * @param stepRef   the job's step this happens in (its index names the step's file folder)
 * @param step      the step that uses the action (for its timeout and position)
 * @param where     how messages name the step, for example {@code jobs.build.steps[2]}
 * @param jobStatus the job's status when the step started
 * @param depth     0 for a job's step, one more for each enclosing composite action
 */
record ActionCall(String reference, Map<String, String> with, Map<String, String> env, EvalContext context,
                  StepRef stepRef, Step step, String where, String jobStatus, int depth) {
}

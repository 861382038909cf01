package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;

/**
 * A step's display name, for the workflow's steps and a composite action's inner steps alike: its
 * {@code name}, else "Run " and the first line of its script (with " ..." when there are more) or
 * the action it uses. Both are shown with their expressions evaluated, as the runner names a step
 * ({@code sudo apt-get install -y ${{ matrix.package }}} shows as "Run sudo apt-get install -y
 * dash"); an expression that fails leaves the text as written (workflow syntax,
 * {@code jobs.<job_id>.steps[*].name} and {@code jobs.<job_id>.steps[*].run}).
 */
final class StepDisplayName {

    private StepDisplayName() {
    }

    static String of(Step step, EvalContext context, Interpolator interpolator) {
        if (step.name() != null) {
            return evaluatedOrAsWritten(step.name(), context, interpolator);
        }
        return switch (step.action()) {
            case StepAction.Run r -> "Run " + firstLine(evaluatedOrAsWritten(r.script(), context, interpolator));
            case StepAction.Uses u -> "Run " + u.reference();
            case StepAction.Script s -> "script";
        };
    }

    private static String evaluatedOrAsWritten(String text, EvalContext context, Interpolator interpolator) {
        try {
            return interpolator.string(text, context, "a step name");
        } catch (ExpressionFailure e) {
            return text;
        }
    }

    private static String firstLine(String script) {
        String s = script.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}

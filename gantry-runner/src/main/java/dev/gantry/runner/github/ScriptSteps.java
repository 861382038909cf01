package dev.gantry.runner.github;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code run:} steps that actions' steps become, so that they run through the job's own
 * script machinery ({@link StepHost#runScript}): a composite action's {@code run} step with the
 * environment its action gives it, and the {@code node} command of a JavaScript action.
 *
 * <p>Values that are already evaluated go in as literals: every <code>${{</code> in them becomes
 * <code>${{ '${{' }}</code>, which evaluates back to itself, so no text of an input or an output is
 * ever evaluated a second time.
 */
final class ScriptSteps {

    private ScriptSteps() {
    }

    /** {@code text} written so that evaluating it gives {@code text} again. */
    static String literal(String text) {
        return text.replace("${{", "${{ '${{' }}");
    }

    /** Variables whose evaluated values are {@code env}'s values, in its order. */
    static List<Variable> literal(Map<String, String> env) {
        List<Variable> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(Variable.of(k, literal(v), null)));
        return out;
    }

    /**
     * A composite action's {@code run} step with the action's environment {@code inherited} below
     * the step's own {@code env}, and the timeout of the job's step that uses the action. Without a
     * {@code working-directory} of its own it runs in the workspace: the workflow's and the job's
     * {@code defaults.run} are for the workflow's own {@code run} steps ("Workflow syntax for GitHub
     * Actions#defaults.run"), and the runner does not apply them inside an action.
     */
    static Step inner(Step inner, Map<String, String> inherited, Step outer) {
        List<Variable> env = new ArrayList<>(literal(inherited));
        env.addAll(inner.env());
        return new Step(inner.id(), inner.name(), null, inner.action(), env, AllowFailure.NO, outer.timeout(), null,
                inner.workingDirectory() != null ? inner.workingDirectory() : ".", inner.shell(), inner.range());
    }

    /**
     * A step that runs {@code command} (already a literal) with {@code sh} in the workspace, with
     * {@code env} above the job's environment: how a JavaScript action's files are run.
     */
    static Step command(String command, Map<String, String> env, Step outer) {
        return new Step(null, null, null, new StepAction.Run(command), literal(env), AllowFailure.NO, outer.timeout(),
                null, ".", "sh", outer.range());
    }

    /** {@code text} quoted for a POSIX shell. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

package dev.gantry.reusable;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.Template;
import dev.gantry.model.GithubJob;
import dev.gantry.model.Input;
import dev.gantry.plan.CallScope;
import dev.gantry.plan.PlannedJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of a called workflow's jobs as far as the plan knows them, for the dry run. GitHub
 * shows a called job as {@code caller / name}, where {@code name} may read {@code inputs} and the
 * called job's own {@code matrix} ("Reuse workflows#Using inputs and secrets in a reusable
 * workflow"). An input is known before the run when it is plain text, an expression that reads
 * only the caller leg's {@code matrix}, or a plain default; a name that reads only known inputs and
 * the matrix is evaluated, any other stays as written and is evaluated when the job starts.
 */
final class CalledJobNames {

    private static final Set<ContextName> CALLER_KNOWN = Set.of(ContextName.MATRIX);
    private static final Set<ContextName> CALLED_KNOWN = Set.of(ContextName.MATRIX, ContextName.INPUTS);

    private CalledJobNames() {
    }

    /**
     * The called job with its name evaluated, or as it is when the name cannot be known yet.
     *
     * @param job    a job of the called workflow, placed in the call's scope
     * @param call   the call's scope (its display name is the prefix of the job's)
     * @param caller the caller leg
     * @param called the workflow it calls
     */
    static PlannedJob named(PlannedJob job, CallScope call, PlannedJob caller, CalledWorkflow called) {
        String prefix = call.displayName() + CallScope.SEPARATOR;
        String written = job.displayName().startsWith(prefix) ? job.displayName().substring(prefix.length()) : null;
        if (written == null || !written.contains("${{")
                || !(caller.job().details() instanceof GithubJob details)) {
            return job;
        }
        Map<String, Object> inputs = inputs(details, caller.matrix(), called);
        if (!(Template.parse(written) instanceof Result.Ok<Template> ok) || !ok.value().expressions().stream()
                .flatMap(e -> e.expression().contextReferences().stream())
                .allMatch(r -> r.context() == ContextName.MATRIX
                        || (r.context() == ContextName.INPUTS && !r.path().isEmpty() && inputs.containsKey(r.path().get(0))))) {
            return job;
        }
        Object name = evaluate(written, CALLED_KNOWN, EvalContext.of(Map.of("inputs", inputs, "matrix", job.matrix())),
                true);
        return name instanceof String s ? job.withDisplayName(prefix + s) : job;
    }

    /** The call's inputs known before the run; one known only at run time is left out. */
    private static Map<String, Object> inputs(GithubJob details, Map<String, Object> callerMatrix, CalledWorkflow called) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Input input : called.inputs()) {
            String given = details.with().get(input.name());
            String text = given != null ? given : input.defaultValue();
            if (text == null) {
                inputs.put(input.name(), CallInputs.empty(input));
                continue;
            }
            // A default is evaluated in the called workflow, where the caller's matrix does not exist.
            Object value = evaluate(text, given != null ? CALLER_KNOWN : Set.of(),
                    EvalContext.of(Map.of("matrix", callerMatrix)), false);
            CallInputs.Typed typed = value == null ? null : CallInputs.typed(input, value, !text.contains("${{"));
            if (typed != null && typed.ok()) {
                inputs.put(input.name(), typed.value());
            }
        }
        return inputs;
    }

    /**
     * The value of {@code text} when its expressions read only {@code known} contexts; else null.
     *
     * @param asText the text with its expressions filled in, rather than a whole expression's value
     */
    private static Object evaluate(String text, Set<ContextName> known, EvalContext context, boolean asText) {
        if (!(Template.parse(text) instanceof Result.Ok<Template> ok)) {
            return null;
        }
        boolean knowable = ok.value().expressions().stream()
                .flatMap(e -> e.expression().contextReferences().stream())
                .allMatch(r -> known.contains(r.context()));
        if (!knowable) {
            return null;
        }
        Result<?> value = asText ? ok.value().evaluateToString(context) : ok.value().evaluate(context);
        return value instanceof Result.Ok<?> v ? v.value() : null;
    }
}

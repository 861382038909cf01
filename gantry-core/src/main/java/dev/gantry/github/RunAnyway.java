package dev.gantry.github;

import dev.gantry.diag.Diagnostic;
import java.util.Set;

/**
 * The lint errors with which GitHub still runs a workflow. {@code gantry lint} reports them as
 * errors, since they are almost always mistakes; {@code gantry run} shows them as warnings and runs,
 * as GitHub does: a reference to a step, a needed job, an input or a matrix key that does not exist
 * is not checked when the workflow is loaded and evaluates to null when the job runs ("Contexts
 * reference": a property that does not exist is null). Every other error stops a run, as GitHub
 * refuses the workflow for it (syntax, unknown keys, invalid expressions, contexts not available
 * at a key, needs cycles, matrix {@code exclude} keys that are no axis).
 */
public final class RunAnyway {

    private static final Set<String> RULES = Set.of(Rules.UNKNOWN_STEP, Rules.UNDECLARED_NEED, Rules.UNKNOWN_INPUT,
            Rules.UNKNOWN_MATRIX_KEY);

    private RunAnyway() {
    }

    /**
     * Whether {@code gantry run} shows this warning too, not only {@code gantry lint}: it says the
     * run will differ from GitHub's (a {@code parallel} group of steps runs in order).
     */
    public static boolean shownByRun(Diagnostic warning) {
        return Rules.PARALLEL_STEPS.equals(warning.rule());
    }

    /** Whether GitHub runs a workflow despite this error. */
    public static boolean accepts(Diagnostic error) {
        return RULES.contains(error.rule());
    }
}

package dev.gantry.github;

/**
 * The rule ids of the GitHub front end's diagnostics, in one place because they are a public
 * contract: {@code gantry lint} prints them, golden files and tools match on them, so a rule id
 * never changes once released.
 */
final class Rules {

    /** A value of the wrong YAML shape (a list where a mapping belongs, a string where a number does). */
    static final String WRONG_TYPE = "wrong-type";
    /** A key the syntax does not have at that place. */
    static final String UNKNOWN_KEY = "unknown-key";
    /** A key that exists, but not in this kind of job or step (for example {@code with} on a {@code run} step). */
    static final String MISPLACED_KEY = "misplaced-key";
    /** A required key that is missing (other than the ones with their own rule below). */
    static final String MISSING_KEY = "missing-key";
    /** A value outside the allowed set (permission level, input type, choice default...). */
    static final String INVALID_VALUE = "invalid-value";
    /** A job, step or input id that does not match {@code [A-Za-z_][A-Za-z0-9_-]*}. */
    static final String INVALID_ID = "invalid-id";
    /** The workflow has no {@code on}. */
    static final String MISSING_ON = "missing-on";
    /** The workflow has no {@code jobs}, or an empty one. */
    static final String MISSING_JOBS = "missing-jobs";
    /** A job runs steps but has no {@code runs-on}. */
    static final String MISSING_RUNS_ON = "missing-runs-on";
    /** A job has neither {@code steps} nor {@code uses}. */
    static final String MISSING_STEPS = "missing-steps";
    /** An event name GitHub does not have. */
    static final String UNKNOWN_EVENT = "unknown-event";
    /** The same event twice in the list form of {@code on}. */
    static final String DUPLICATE_EVENT = "duplicate-event";
    /** A {@code types} entry the event does not have. */
    static final String UNKNOWN_ACTIVITY_TYPE = "unknown-activity-type";
    /** A filter and its {@code -ignore} twin on one event. */
    static final String CONFLICTING_FILTERS = "conflicting-filters";
    /** A {@code schedule} cron expression that is not five valid POSIX cron fields. */
    static final String INVALID_CRON = "invalid-cron";
    /** {@code needs} (or {@code jobs.<id>} in a workflow_call output) names no job of the workflow. */
    static final String UNKNOWN_JOB = "unknown-job";
    /** Jobs that need each other in a circle. */
    static final String NEEDS_CYCLE = "needs-cycle";
    /** Two steps of one job with the same id. */
    static final String DUPLICATE_STEP_ID = "duplicate-step-id";
    /** A step with both {@code uses} and {@code run}, or with neither. */
    static final String STEP_ACTION = "step-action";
    /** A {@code uses} value that is no action or reusable workflow reference. */
    static final String INVALID_USES = "invalid-uses";
    /** Warning: an action pinned to a branch such as {@code @main}, which can change under the workflow. */
    static final String UNPINNED_ACTION = "unpinned-action";
    /** A <code>${{</code> without its closing <code>}}</code>. */
    static final String UNCLOSED_EXPRESSION = "unclosed-expression";
    /** An expression the parser rejects: syntax, unknown function or context, argument count, double quotes. */
    static final String EXPRESSION = "expression";
    /** A context or special function used at a key where the context-availability table does not allow it. */
    static final String CONTEXT_AVAILABILITY = "context-availability";
    /** {@code inputs.<name>} naming no declared {@code workflow_dispatch} or {@code workflow_call} input. */
    static final String UNKNOWN_INPUT = "unknown-input";
    /** Warning: an {@code if} with text around <code>${{ }}</code>, which is a non-empty string and so always true. */
    static final String IF_ALWAYS_TRUE = "if-always-true";
    /** {@code steps.<id>} naming no step of the job. */
    static final String UNKNOWN_STEP = "unknown-step";
    /** {@code needs.<id>} naming a job that is not in the job's {@code needs}. */
    static final String UNDECLARED_NEED = "undeclared-need";
    /** {@code matrix.<key>} naming no key of the job's matrix. */
    static final String UNKNOWN_MATRIX_KEY = "unknown-matrix-key";
    /** An {@code exclude} key that is no axis (GitHub refuses it, unlike an unknown {@code matrix.<key>}). */
    static final String UNKNOWN_EXCLUDE_KEY = "unknown-exclude-key";
    /** A matrix without axes and include entries, or an axis without values. */
    static final String INVALID_MATRIX = "invalid-matrix";
    /** A matrix of more than 256 jobs. */
    static final String MATRIX_TOO_LARGE = "matrix-too-large";
    /**
     * Parallel steps (GitHub, June 2026): a {@code parallel} group, which gantry runs in order (a
     * warning), or {@code background}, {@code wait}, {@code wait-all}, {@code cancel}, which it cannot run yet (an error).
     */
    static final String PARALLEL_STEPS = "parallel-steps";

    private Rules() {
    }
}

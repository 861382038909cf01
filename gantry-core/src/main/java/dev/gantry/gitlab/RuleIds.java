package dev.gantry.gitlab;

/**
 * The stable rule ids of the GitLab front end's diagnostics. Tools and golden files rely on them,
 * so an id never changes meaning once released.
 */
final class RuleIds {

    /** A key that the "CI/CD YAML syntax reference" does not define in that place. */
    static final String UNKNOWN_KEYWORD = "unknown-keyword";
    /** A value of the wrong YAML type, for example a sequence where a string belongs. */
    static final String WRONG_TYPE = "wrong-type";
    /** A value of the right type outside the documented set (an enum, a duration, a regex). */
    static final String INVALID_VALUE = "invalid-value";
    /** A required subkey is absent, for example {@code environment:name}. */
    static final String MISSING_KEY = "missing-key";
    /** A job with neither {@code script} nor {@code trigger}. */
    static final String MISSING_SCRIPT = "missing-script";
    /** A job whose stage is not in {@code stages}. */
    static final String UNKNOWN_STAGE = "unknown-stage";
    /** {@code needs} names no job of the pipeline. */
    static final String NEEDS_UNKNOWN_JOB = "needs-unknown-job";
    /** {@code needs} names a job of a later stage. */
    static final String NEEDS_LATER_STAGE = "needs-later-stage";
    /** {@code needs} edges that form a cycle. */
    static final String NEEDS_CYCLE = "needs-cycle";
    /** More {@code needs} than the documented limit. */
    static final String NEEDS_LIMIT = "needs-limit";
    /** {@code dependencies} names no job of the pipeline. */
    static final String DEPENDENCIES_UNKNOWN_JOB = "dependencies-unknown-job";
    /** {@code dependencies} names a job that is not in an earlier stage. */
    static final String DEPENDENCIES_STAGE = "dependencies-stage";
    /** {@code extends} names no job or template. */
    static final String EXTENDS_UNKNOWN = "extends-unknown";
    /** {@code extends} chains that come back to where they started. */
    static final String EXTENDS_CYCLE = "extends-cycle";
    /** {@code extends} chains deeper than the documented limit. */
    static final String EXTENDS_DEPTH = "extends-depth";
    /** A local include that matches no file. */
    static final String INCLUDE_MISSING = "include-missing";
    /** An include that needs the network (remote, project, template, component). */
    static final String INCLUDE_REMOTE = "include-remote";
    /** An include entry that cannot be understood, or an included file that is not a mapping. */
    static final String INCLUDE_INVALID = "include-invalid";
    /** An include path with CI/CD variables, which cannot be expanded before a run. */
    static final String INCLUDE_VARIABLE = "include-variable";
    /** A file that includes itself, directly or through others. */
    static final String INCLUDE_CYCLE = "include-cycle";
    /** More included files than the documented limit. */
    static final String INCLUDE_LIMIT = "include-limit";
    /** A {@code !reference} to a job or key that does not exist. */
    static final String REFERENCE_MISSING = "reference-missing";
    /** {@code !reference} tags nested deeper than the documented limit. */
    static final String REFERENCE_DEPTH = "reference-depth";
    /** A {@code !reference} that refers back to itself. */
    static final String REFERENCE_CYCLE = "reference-cycle";
    /** A {@code !reference} that is not a sequence of names. */
    static final String REFERENCE_INVALID = "reference-invalid";
    /** A plain date or timestamp, which GitLab's YAML parser refuses to load. */
    static final String UNQUOTED_DATE = "unquoted-date";
    /** A custom YAML tag other than {@code !reference}. */
    static final String UNKNOWN_TAG = "unknown-tag";
    /** A {@code when:} value that is not allowed in its place. */
    static final String INVALID_WHEN = "invalid-when";
    /** {@code when: delayed} without {@code start_in}, or {@code start_in} without it. */
    static final String DELAYED_START_IN = "delayed-start-in";
    /** {@code parallel} outside 1 to 200, or a matrix with more than 200 jobs. */
    static final String PARALLEL_RANGE = "parallel-range";
    /** {@code retry} outside 0 to 2. */
    static final String RETRY_RANGE = "retry-range";
    /** A job named like a global keyword. */
    static final String RESERVED_JOB_NAME = "reserved-job-name";
    /** {@code rules} together with {@code only} or {@code except}. */
    static final String RULES_ONLY_EXCEPT = "rules-only-except";
    /** A keyword that a trigger job cannot use. */
    static final String TRIGGER_KEYWORD = "trigger-keyword";
    /** {@code environment:on_stop} naming a job that cannot stop the environment. */
    static final String ENVIRONMENT_ON_STOP = "environment-on-stop";
    /** More caches than the documented limit. */
    static final String CACHE_LIMIT = "cache-limit";
    /** A {@code rules:if} or {@code only:variables} expression that does not parse (the expression package's id). */
    static final String INVALID_EXPRESSION = dev.gantry.expr.gitlab.ExpressionError.RULE;
    /** Warning: an {@code only}/{@code except} ref {@code /regex/} that RE2 rejects, compared as a plain name. */
    static final String INVALID_REF_PATTERN = "invalid-ref-pattern";
    /** Warning: a glob with an unclosed {@code [} or {@code {}, which is matched literally. */
    static final String INVALID_GLOB = "invalid-glob";
    /** More {@code rules:changes} or {@code rules:exists} entries than the documented limit. */
    static final String PATHS_LIMIT = "paths-limit";
    /** A pipeline without a single visible job. */
    static final String NO_JOBS = "no-jobs";

    /** {@code include:inputs} or an interpolation naming an input that {@code spec:inputs} does not define. */
    static final String UNKNOWN_INPUT = "unknown-input";
    /** An input without a default that is given no value. */
    static final String MISSING_INPUT = "missing-input";
    /** An input value (or default) that is not one of the input's {@code options}. */
    static final String INPUT_NOT_IN_OPTIONS = "input-not-in-options";
    /** An input value (or default) that does not match the input's {@code regex}. */
    static final String INPUT_REGEX_MISMATCH = "input-regex-mismatch";
    /** An input value (or default) of another type than the input's {@code type}, or a function applied to it that needs a string. */
    static final String INPUT_WRONG_TYPE = "input-wrong-type";
    /** A {@code $[[ ... ]]} block that cannot be read: bad access, unknown function, bad arguments. */
    static final String INTERPOLATION_SYNTAX = "interpolation-syntax";
    /** A {@code spec:} key in a configuration document, where no {@code ---} separates it as a header. */
    static final String SPEC_WITHOUT_SEPARATOR = "spec-without-separator";
    /** {@code include:inputs} for a file that has no {@code spec:inputs} header. */
    static final String INPUTS_WITHOUT_SPEC = "inputs-without-spec";
    /** Warning: a header feature Gantry does not evaluate ({@code spec:include}, {@code spec:inputs:rules}). */
    static final String INPUT_UNSUPPORTED = "input-unsupported";
    /** Two keys of one mapping that interpolation made equal; the YAML loader's id for the same mistake. */
    static final String DUPLICATE_KEY = "duplicate-key";
    /** Warning: a file whose YAML documents after the configuration are ignored. */
    static final String EXTRA_DOCUMENT = "extra-document";

    private RuleIds() {
    }
}

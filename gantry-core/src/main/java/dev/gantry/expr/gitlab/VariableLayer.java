package dev.gantry.expr.gitlab;

/**
 * Where a CI/CD variable was defined, from the lowest precedence to the highest, as listed in
 * "CI/CD variables#CI/CD variable precedence" (docs.gitlab.com). A variable of a later constant
 * overrides one of the same name from an earlier constant. Security-policy variables, which rank
 * above everything, have no source in Gantry and are left out.
 */
public enum VariableLayer {

    /** Predefined {@code CI_*} variables ("Predefined CI/CD variables reference"). */
    PREDEFINED,

    /** Deployment variables set by integrations for deployment jobs. */
    DEPLOYMENT,

    /** Top-level {@code variables:} of {@code .gitlab-ci.yml}, the default for every job. */
    PIPELINE_YAML,

    /** The job's own {@code variables:}. */
    JOB_YAML,

    /**
     * {@code rules:variables} of the rule that matched. They replace the job's variables of the
     * same name ("CI/CD YAML syntax reference#rules:variables"), so they rank just above them.
     */
    RULE,

    /** Variables from {@code artifacts:reports:dotenv} of earlier jobs. */
    DOTENV,

    /** Instance variables. */
    INSTANCE,

    /** Group variables (the closest subgroup first, merged by the caller). */
    GROUP,

    /** Project variables. */
    PROJECT,

    /**
     * Pipeline variables: trigger, schedule, manual-run and manual-job variables, and Gantry's
     * {@code --variable NAME=VALUE}.
     */
    PIPELINE_RUN
}

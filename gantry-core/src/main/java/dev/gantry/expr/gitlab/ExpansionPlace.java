package dev.gantry.expr.gitlab;

/**
 * Where a value is expanded, which decides the reference forms recognised and what happens to a
 * reference to an undefined variable. Follows "Where variables can be used" (docs.gitlab.com),
 * column "Expansion place" and section "Expansion mechanisms".
 */
public enum ExpansionPlace {

    /**
     * GitLab's internal mechanism ({@code environment:name}, {@code environment:url},
     * {@code include}, {@code resource_group}, {@code tags}, {@code trigger}, and the first pass
     * over {@code variables}): {@code $VAR}, {@code ${VAR}} and {@code %VAR%} are recognised on every
     * OS, and references to unavailable variables are left intact.
     */
    GITLAB,

    /**
     * GitLab Runner's mechanism ({@code image}, {@code services}, {@code cache:key},
     * {@code artifacts:name}, and the final pass over {@code variables}): only {@code $VAR} and
     * {@code ${VAR}}; an undefined variable expands to the empty string.
     */
    RUNNER
}

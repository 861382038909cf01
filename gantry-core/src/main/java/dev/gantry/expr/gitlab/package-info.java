/**
 * GitLab CI/CD variables: the ordered variable sets and their precedence, the predefined
 * {@code CI_*} variables, expansion of {@code $VAR} references, and the variable expressions of
 * {@code rules:if} and {@code only:variables}, each following the docs.gitlab.com page its class
 * names. Pure functions over values: no git, no clock, no environment; the runner supplies facts.
 */
package dev.gantry.expr.gitlab;

/**
 * The GitLab CI front end: {@code .gitlab-ci.yml} with its local includes, {@code extends} and
 * {@code !reference} resolved, to the {@link dev.gantry.model.Pipeline} model, with a diagnostic for
 * everything the "CI/CD YAML syntax reference" (docs.gitlab.com) does not allow. Runs nothing.
 */
package dev.gantry.gitlab;

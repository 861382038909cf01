/**
 * The GitLab CI front end: a {@code .gitlab-ci.yml} with its inputs interpolated and its includes,
 * {@code extends} and {@code !reference} resolved, to the {@link dev.gantry.model.Pipeline} model, with a diagnostic for
 * everything the "CI/CD YAML syntax reference" (docs.gitlab.com) does not allow.
 * {@link dev.gantry.gitlab.GitlabFrontEnd} is the only entry point; the rest are its steps.
 * Runs nothing and reads files only through {@link dev.gantry.load.SourceFiles}.
 */
package dev.gantry.gitlab;

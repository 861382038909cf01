package dev.gantry.model;

/** The input format a pipeline was written in. */
public enum Format {
    /** GitHub Actions workflow syntax (docs.github.com, "Workflow syntax for GitHub Actions"). */
    GITHUB,
    /** GitLab CI/CD YAML (docs.gitlab.com, "CI/CD YAML syntax reference"). */
    GITLAB
}

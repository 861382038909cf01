package dev.gantry.runner.gitlab;

/**
 * How jobs execute (GitLab Runner's executors, docs.gitlab.com "Executors"). Only the shell executor
 * exists in this version; Docker images and services need the container runtime, which comes later.
 */
public enum Executor {
    /** Shell for jobs without {@code image:}; jobs with an image would need Docker (the default). */
    AUTO,
    /** Every job on this machine's shell; {@code image:} is ignored as GitLab Runner's shell executor ignores it. */
    SHELL,
    /** Every job in a Docker container. */
    DOCKER
}

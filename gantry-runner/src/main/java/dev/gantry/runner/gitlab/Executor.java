package dev.gantry.runner.gitlab;

/**
 * How jobs execute (GitLab Runner's executors, docs.gitlab.com "Executors"): the shell executor on
 * this machine, or the Docker executor (the job's image, its services on a network of their own).
 */
public enum Executor {
    /** Docker for jobs with an {@code image:} or {@code services:}, the shell for the others (the default). */
    AUTO,
    /** Every job on this machine's shell; {@code image:} is ignored as GitLab Runner's shell executor ignores it. */
    SHELL,
    /** Every job in a Docker container. */
    DOCKER
}

package dev.gantry.runner.actions.docker;

/**
 * The three places a docker action runs (docs.github.com "Metadata syntax for GitHub
 * Actions#runs.pre-entrypoint", "#runs.entrypoint", "#runs.post-entrypoint"): before its main
 * entrypoint, the main entrypoint, and once the job's steps are done. Each runs in a container of
 * its own from the same image.
 */
public enum DockerActionStage {
    PRE, MAIN, POST
}

/**
 * Docker container actions and {@code docker://} steps: the image made present (pulled by the run's
 * policy, or built from the action's Dockerfile once per action and content), the container run to
 * completion with the workspace and the step's files mounted under {@code /github}, INPUT_ variables,
 * entrypoint and args. Takes plain values ({@link dev.gantry.runner.actions.docker.DockerActionSpec});
 * reading action.yml, evaluating expressions and applying the step's file commands happen elsewhere.
 */
package dev.gantry.runner.actions.docker;

/**
 * GitHub's runner-side protocols: workflow commands a step prints ({@code ::name key=value::msg})
 * and the environment files it writes (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_PATH).
 * Parsing and policy only: nothing here starts processes, reads the job's state or masks output.
 */
package dev.gantry.runner.github;

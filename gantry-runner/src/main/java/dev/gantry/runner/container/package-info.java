/**
 * Containers for jobs, services and docker actions: the {@link dev.gantry.runner.container.ContainerRuntime}
 * port, its value types, the parser of GitHub's {@code options:} string, and the Docker Engine API
 * implementation. Callers get images, networks, containers, exec with line-by-line output, copies
 * and cleanup by run id; nothing here knows workflows, steps, masking or expressions, and nothing
 * here starts the {@code docker} command.
 */
package dev.gantry.runner.container;

package dev.gantry.runner.container;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.List;

/**
 * Waits until a container is ready, as GitHub's runner waits for service containers before the
 * first step (docs.github.com "About service containers" and "Creating PostgreSQL service
 * containers": without health checks a service may not be ready when the job needs it). With a
 * health check (from the image's {@code HEALTHCHECK} or {@code --health-*} options) ready means
 * {@code healthy}; without one it means running. {@code unhealthy} fails at once, as does a
 * container that exited; the message carries the last log lines and the last check's output.
 *
 * <p>The state is polled, starting at 50 ms and backing off to 500 ms, so a fast service is seen
 * as ready within a few tens of milliseconds of its health check passing.
 */
final class DockerReadiness {

    static final int LOG_LINES = 20;
    private static final long FIRST_POLL_MILLIS = 50;
    private static final long MAX_POLL_MILLIS = 500;

    private final DockerContainers containers;

    DockerReadiness(DockerContainers containers) {
        this.containers = containers;
    }

    void await(String container, Duration timeout) throws ContainerException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            InspectContainerResponse.ContainerState state = containers.inspect(container).getState();
            HealthState health = state.getHealth();
            boolean running = Boolean.TRUE.equals(state.getRunning());
            if (!running) {
                throw failure(container, "exited with code " + state.getExitCodeLong() + " before it was ready", health);
            }
            String status = health == null ? null : health.getStatus();
            if (status == null || status.isEmpty() || status.equals("none") || status.equals("healthy")) {
                return;
            }
            if (status.equals("unhealthy")) {
                throw failure(container, "is unhealthy: its health check failed " + health.getFailingStreak()
                        + " times in a row", health);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw failure(container, "was not healthy after " + timeout.toSeconds() + " s (health status: "
                        + status + ")", health);
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerException("waiting for container '" + container + "' was interrupted", e);
            }
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }

    private ContainerException failure(String container, String what, HealthState health) {
        StringBuilder message = new StringBuilder("container '").append(container).append("' ").append(what);
        if (health != null && health.getLog() != null && !health.getLog().isEmpty()) {
            HealthStateLog last = health.getLog().get(health.getLog().size() - 1);
            String output = last.getOutput() == null ? "" : last.getOutput().strip();
            message.append("; last health check exited with ").append(last.getExitCodeLong())
                    .append(output.isEmpty() ? "" : " and printed: " + output);
        }
        List<String> lines;
        try {
            lines = containers.logs(container, LOG_LINES);
        } catch (ContainerException e) {
            return new ContainerException(message + "; its log could not be read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            message.append("; it printed nothing");
        } else {
            message.append("; its last ").append(lines.size()).append(" log lines:");
            lines.forEach(line -> message.append("\n  ").append(line));
        }
        return new ContainerException(message.toString());
    }
}

package dev.gantry.runner.container;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container health check, as Docker's {@code --health-*} options set it (docs.docker.com
 * "docker container create" / "Dockerfile reference#HEALTHCHECK"). GitHub services get theirs from
 * {@code options:} (docs.github.com "Creating PostgreSQL service containers" uses
 * {@code --health-cmd pg_isready --health-interval 10s --health-timeout 5s --health-retries 5}).
 *
 * <p>Fields left empty are taken from the image's {@code HEALTHCHECK} by the engine, or from
 * Docker's defaults (30 s interval, 30 s timeout, 3 retries, no start period).
 *
 * @param test        {@code ["CMD-SHELL", command]} for {@code --health-cmd}, {@code ["NONE"]} for
 *                    {@code --no-healthcheck}, empty to keep the image's test
 * @param interval    time between checks
 * @param timeout     how long one check may take
 * @param retries     consecutive failures until the container is unhealthy
 * @param startPeriod time during which failures do not count
 */
public record HealthCheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
                          Optional<Integer> retries, Optional<Duration> startPeriod) {

    public HealthCheck {
        test = List.copyOf(test);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(startPeriod, "startPeriod");
    }

    /** Keeps the image's health check as it is. */
    public static HealthCheck inherit() {
        return new HealthCheck(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Disables the image's health check ({@code --no-healthcheck}). */
    public static HealthCheck none() {
        return inherit().withTest(List.of("NONE"));
    }

    /** A shell command run by the container's default shell, as {@code --health-cmd} does. */
    public static HealthCheck shell(String command) {
        return inherit().withTest(List.of("CMD-SHELL", command));
    }

    public HealthCheck withTest(List<String> value) {
        return new HealthCheck(value, interval, timeout, retries, startPeriod);
    }

    public HealthCheck withInterval(Duration value) {
        return new HealthCheck(test, Optional.of(value), timeout, retries, startPeriod);
    }

    public HealthCheck withTimeout(Duration value) {
        return new HealthCheck(test, interval, Optional.of(value), retries, startPeriod);
    }

    public HealthCheck withRetries(int value) {
        return new HealthCheck(test, interval, timeout, Optional.of(value), startPeriod);
    }

    public HealthCheck withStartPeriod(Duration value) {
        return new HealthCheck(test, interval, timeout, retries, Optional.of(value));
    }
}

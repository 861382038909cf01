package dev.gantry.runner.container;

import java.util.Objects;

/**
 * Whether a container engine can be used right now.
 *
 * @param available true when the engine answered
 * @param detail    when available, the engine's name and version (for example
 *                  {@code Docker 20.10.24 at unix:///var/run/docker.sock}); otherwise a sentence for
 *                  the user saying what is wrong and what to do (socket missing, permission denied,
 *                  engine not answering)
 */
public record Availability(boolean available, String detail) {

    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    public static Availability ready(String engine) {
        return new Availability(true, engine);
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}

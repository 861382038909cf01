package dev.gantry.model;

import java.util.List;

/**
 * GitLab {@code retry:} ("CI/CD YAML syntax reference#retry").
 *
 * @param max       retries after the first attempt, 0 to 2
 * @param when      failure kinds that are retried ({@code always} when empty)
 * @param exitCodes exit codes that are retried (any when empty)
 */
public record Retry(int max, List<String> when, List<Integer> exitCodes) {

    public Retry {
        when = List.copyOf(when);
        exitCodes = List.copyOf(exitCodes);
    }

    public static final Retry NONE = new Retry(0, List.of(), List.of());
}

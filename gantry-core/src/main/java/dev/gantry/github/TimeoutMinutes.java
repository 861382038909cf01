package dev.gantry.github;

import java.time.Duration;

/**
 * A {@code timeout-minutes} value as a duration ("Workflow syntax for GitHub Actions#
 * jobs.&lt;job_id&gt;.timeout-minutes" and "#jobs.&lt;job_id&gt;.steps[*].timeout-minutes").
 *
 * <p>Very large values are capped at {@link #LONGEST}: the runner measures limits in nanoseconds
 * from a clock reading, and a value such as {@code 1e300} would not fit (it stopped the job with an
 * arithmetic overflow). The cap is a century, far beyond any limit GitHub applies.
 */
public final class TimeoutMinutes {

    /** The longest timeout kept; any longer value means this. */
    public static final Duration LONGEST = Duration.ofDays(36_525);

    private TimeoutMinutes() {
    }

    /**
     * @param minutes a number above zero (fractions allowed)
     * @return that many minutes, at most {@link #LONGEST}, to the millisecond
     */
    public static Duration of(double minutes) {
        double millis = minutes * 60_000;
        return millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis(Math.round(millis));
    }
}

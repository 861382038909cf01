package dev.gantry.runner.container;

import java.util.Locale;
import java.util.Optional;

/**
 * When an image is pulled before it is used: the values of Gantry's {@code --pull} flag, which are
 * also GitLab's {@code pull_policy} words (docs.gitlab.com "Docker executor", "Configure how runners
 * pull images": {@code always}, {@code if-not-present}, {@code never}).
 */
public enum PullPolicy {
    /** Use only an image that is already present; a missing image is an error. */
    NEVER,
    /** Pull only when the image is not present (the default, as GitHub's runner and Docker do). */
    MISSING,
    /** Pull every time, so that a moving tag is refreshed; fails when no registry is reachable. */
    ALWAYS;

    /** {@code never}, {@code missing} (or GitLab's {@code if-not-present}) or {@code always}, any case. */
    public static Optional<PullPolicy> parse(String word) {
        return switch (word == null ? "" : word.strip().toLowerCase(Locale.ROOT)) {
            case "never" -> Optional.of(NEVER);
            case "missing", "if-not-present" -> Optional.of(MISSING);
            case "always" -> Optional.of(ALWAYS);
            default -> Optional.empty();
        };
    }
}

package dev.gantry.model;

/**
 * GitLab's {@code when:} ("CI/CD YAML syntax reference#when"): when a job runs relative to the
 * jobs of earlier stages.
 */
public enum When {
    ON_SUCCESS, ON_FAILURE, ALWAYS, MANUAL, DELAYED, NEVER;

    /** The keyword as written in YAML, for example {@code on_success}. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value for a YAML keyword, or null when it is not one. */
    public static When fromKeyword(String keyword) {
        for (When w : values()) {
            if (w.keyword().equals(keyword)) {
                return w;
            }
        }
        return null;
    }
}

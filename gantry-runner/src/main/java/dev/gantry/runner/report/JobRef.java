package dev.gantry.runner.report;

/**
 * Which job an event is about.
 *
 * @param key         unique in the run (for example {@code test (a, 1)})
 * @param displayName what the user sees (the job's name with its matrix values)
 * @param stage       the GitLab stage, or null
 */
public record JobRef(String key, String displayName, String stage) {
}

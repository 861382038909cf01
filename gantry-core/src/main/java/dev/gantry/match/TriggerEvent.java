package dev.gantry.match;

import java.util.List;

/**
 * What happened, as far as GitHub's {@code on:} filters care.
 *
 * @param name         the event name, for example {@code push}, {@code pull_request}, {@code schedule}
 * @param ref          the full ref the event is about ({@code refs/heads/main}, {@code refs/tags/v1});
 *                     a name without {@code refs/} counts as a branch. For {@code workflow_run}, the
 *                     head branch of the run. Null when the event has none.
 * @param baseRef      for {@code pull_request} and {@code pull_request_target}, the branch the pull
 *                     request targets (with or without {@code refs/heads/}); else null
 * @param action       the activity type ({@code opened}, {@code closed}, ...), or null when unknown
 * @param changedFiles paths changed by the push or pull request, relative to the repository root;
 *                     null when unknown
 * @param schedule     for {@code schedule}, the cron expression that fired, or null when unknown
 */
public record TriggerEvent(String name, String ref, String baseRef, String action, List<String> changedFiles,
                           String schedule) {

    public TriggerEvent {
        changedFiles = changedFiles == null ? null : List.copyOf(changedFiles);
    }

    /** A push of {@code ref}. */
    public static TriggerEvent push(String ref, List<String> changedFiles) {
        return new TriggerEvent("push", ref, null, null, changedFiles, null);
    }

    /** A {@code pull_request} activity against {@code baseRef}. */
    public static TriggerEvent pullRequest(String action, String baseRef, List<String> changedFiles) {
        return new TriggerEvent("pull_request", null, baseRef, action, changedFiles, null);
    }

    /** An event with nothing to filter on but its name, such as {@code workflow_dispatch}. */
    public static TriggerEvent named(String name) {
        return new TriggerEvent(name, null, null, null, null, null);
    }
}

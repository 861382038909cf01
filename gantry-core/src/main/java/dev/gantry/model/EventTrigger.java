package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Map;

/**
 * One GitHub event under {@code on:} with its filters ("Events that trigger workflows",
 * "Workflow syntax for GitHub Actions#on").
 *
 * @param event   the event name, for example {@code push}, {@code pull_request}, {@code schedule}
 * @param types   activity types ({@code types:}), empty when not given (the event's defaults apply)
 * @param filters {@code branches}, {@code branches-ignore}, {@code tags}, {@code tags-ignore},
 *                {@code paths}, {@code paths-ignore} to their patterns, and for {@code workflow_run}
 *                {@code workflows} to the workflow names, in document order; only the keys that
 *                were written
 * @param crons   {@code schedule:} cron expressions (five POSIX fields, UTC); empty for others
 * @param inputs  {@code workflow_dispatch} or {@code workflow_call} inputs in document order
 * @param range   where the event is named
 */
public record EventTrigger(String event, List<String> types, Map<String, List<String>> filters,
                           List<String> crons, List<Input> inputs, SourceRange range) {

    public EventTrigger {
        types = List.copyOf(types);
        filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
        crons = List.copyOf(crons);
        inputs = List.copyOf(inputs);
    }
}

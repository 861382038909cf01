package dev.gantry.model;

import java.util.List;

/**
 * What starts a pipeline. GitHub lists events with filters ({@code on:}); GitLab decides with
 * {@code workflow:rules} (and every event may start a pipeline when there are none).
 *
 * @param events GitHub {@code on:} events in document order; empty for GitLab
 * @param rules  GitLab {@code workflow:rules} in order; empty for GitHub or when absent
 */
public record Triggers(List<EventTrigger> events, List<Rule> rules) {

    public Triggers {
        events = List.copyOf(events);
        rules = List.copyOf(rules);
    }

    public static Triggers none() {
        return new Triggers(List.of(), List.of());
    }
}

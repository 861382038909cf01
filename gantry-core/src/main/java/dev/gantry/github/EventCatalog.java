package dev.gantry.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events that can start a workflow, what each takes under {@code on.<event>}, and its
 * activity types, from "Events that trigger workflows" and "Workflow syntax for GitHub Actions"
 * ({@code on.<event_name>.types}, {@code on.<push|pull_request|pull_request_target>.<branches|tags|paths>},
 * {@code on.workflow_run.<branches>}, {@code on.schedule}, {@code on.workflow_call},
 * {@code on.workflow_dispatch}) on docs.github.com.
 */
final class EventCatalog {

    /**
     * What one event accepts.
     *
     * @param keys  the keys its mapping may hold ({@code schedule} takes a list instead)
     * @param types its activity types; empty when it has none; null when any name is allowed
     *              ({@code repository_dispatch} types are chosen by the sender)
     */
    record Event(List<String> keys, List<String> types) {
    }

    private static final List<String> PULL_REQUEST_TYPES = List.of("assigned", "unassigned", "labeled", "unlabeled",
            "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft", "ready_for_review",
            "locked", "unlocked", "review_requested", "review_request_removed", "auto_merge_enabled",
            "auto_merge_disabled", "milestoned", "demilestoned", "enqueued", "dequeued");
    private static final List<String> PULL_REQUEST_KEYS = List.of("types", "branches", "branches-ignore", "paths",
            "paths-ignore");
    private static final List<String> CREATED_EDITED_DELETED = List.of("created", "edited", "deleted");

    private static final Map<String, Event> EVENTS = new LinkedHashMap<>();

    static {
        typed("branch_protection_rule", CREATED_EDITED_DELETED);
        typed("check_run", List.of("created", "rerequested", "completed", "requested_action"));
        typed("check_suite", List.of("completed"));
        plain("create");
        plain("delete");
        plain("deployment");
        plain("deployment_status");
        typed("discussion", List.of("created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled",
                "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered"));
        typed("discussion_comment", CREATED_EDITED_DELETED);
        plain("fork");
        plain("gollum");
        typed("issue_comment", CREATED_EDITED_DELETED);
        typed("issues", List.of("opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed",
                "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned",
                "demilestoned", "typed", "untyped"));
        typed("label", CREATED_EDITED_DELETED);
        typed("merge_group", List.of("checks_requested"));
        typed("milestone", List.of("created", "closed", "opened", "edited", "deleted"));
        plain("page_build");
        typed("project", List.of("created", "closed", "reopened", "edited", "deleted"));
        typed("project_card", List.of("created", "moved", "converted", "edited", "deleted"));
        typed("project_column", List.of("created", "updated", "moved", "deleted"));
        plain("public");
        EVENTS.put("pull_request", new Event(PULL_REQUEST_KEYS, PULL_REQUEST_TYPES));
        typed("pull_request_review", List.of("submitted", "edited", "dismissed"));
        typed("pull_request_review_comment", CREATED_EDITED_DELETED);
        EVENTS.put("pull_request_target", new Event(PULL_REQUEST_KEYS, PULL_REQUEST_TYPES));
        EVENTS.put("push", new Event(List.of("branches", "branches-ignore", "tags", "tags-ignore", "paths",
                "paths-ignore"), List.of()));
        typed("registry_package", List.of("published", "updated"));
        typed("release", List.of("published", "unpublished", "created", "edited", "deleted", "prereleased",
                "released"));
        EVENTS.put("repository_dispatch", new Event(List.of("types"), null));
        EVENTS.put("schedule", new Event(List.of(), List.of()));
        plain("status");
        typed("watch", List.of("started"));
        EVENTS.put("workflow_call", new Event(List.of("inputs", "outputs", "secrets"), List.of()));
        EVENTS.put("workflow_dispatch", new Event(List.of("inputs"), List.of()));
        EVENTS.put("workflow_run", new Event(List.of("workflows", "types", "branches", "branches-ignore"),
                List.of("completed", "requested", "in_progress")));
    }

    private static void typed(String name, List<String> types) {
        EVENTS.put(name, new Event(List.of("types"), types));
    }

    private static void plain(String name) {
        EVENTS.put(name, new Event(List.of(), List.of()));
    }

    private EventCatalog() {
    }

    static Optional<Event> event(String name) {
        return Optional.ofNullable(EVENTS.get(name));
    }

    /** Every event name, in the documentation's (alphabetical) order. */
    static List<String> names() {
        return List.copyOf(EVENTS.keySet());
    }
}

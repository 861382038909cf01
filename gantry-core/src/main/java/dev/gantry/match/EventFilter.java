package dev.gantry.match;

import dev.gantry.model.EventTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a GitHub workflow's {@code on:} triggers for an event, with a reason either way.
 * Follows "Workflow syntax for GitHub Actions" (docs.github.com) sections {@code on.<event_name>.types},
 * {@code on.push.<branches|tags|branches-ignore|tags-ignore>},
 * {@code on.<pull_request|pull_request_target>.<branches|branches-ignore>},
 * {@code on.<push|pull_request|pull_request_target>.<paths|paths-ignore>} and {@code on.schedule},
 * and "Events that trigger workflows":
 *
 * <ul>
 *   <li>{@code types:} limits the activity types; {@code pull_request} and
 *       {@code pull_request_target} default to {@code opened}, {@code synchronize} and
 *       {@code reopened}, other events to every type. An unknown activity (null) is not filtered.</li>
 *   <li>For pushes, branch filters apply to branch pushes and tag filters to tag pushes. With only
 *       branch filters, tag pushes do not trigger, and with only tag filters, branch pushes do not.</li>
 *   <li>For pull requests (and merge groups), branch filters apply to the base branch; for
 *       {@code workflow_run}, to the head branch of the run.</li>
 *   <li>Path filters apply to branch pushes and pull requests, not to tag pushes, and must be
 *       satisfied together with the branch filters (see {@link PathFilter}).</li>
 *   <li>For {@code schedule}, the cron that fired must be one of the workflow's.</li>
 * </ul>
 *
 * Compile once per workflow with {@link #compile}; {@link #decide} is then cheap and never throws.
 */
public final class EventFilter {

    private static final List<String> DEFAULT_PULL_REQUEST_TYPES = List.of("opened", "synchronize", "reopened");
    private static final Set<String> DEFAULT_TYPED_EVENTS = Set.of("pull_request", "pull_request_target");
    private static final Set<String> BASE_BRANCH_EVENTS = Set.of("pull_request", "pull_request_target", "merge_group");
    private static final List<String> BRANCH_KEYS = List.of("branches", "branches-ignore");
    private static final List<String> TAG_KEYS = List.of("tags", "tags-ignore");
    private static final List<String> PATH_KEYS = List.of("paths", "paths-ignore");

    /** One {@code on:} event with its filters compiled. */
    private record Compiled(EventTrigger trigger, List<RefFilter> branches, List<RefFilter> tags,
                            List<PathFilter> paths) {
    }

    private final Map<String, Compiled> events;
    private final List<String> problems;

    private EventFilter(Map<String, Compiled> events, List<String> problems) {
        this.events = events;
        this.problems = problems;
    }

    /** Compiles the filters of a workflow's {@code on:} events. */
    public static EventFilter compile(List<EventTrigger> triggers) {
        Map<String, Compiled> events = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (EventTrigger t : triggers) {
            Compiled c = new Compiled(t, refFilters(t, BRANCH_KEYS), refFilters(t, TAG_KEYS), pathFilters(t));
            events.put(t.event(), c);
            collectProblems(c, problems);
        }
        return new EventFilter(events, List.copyOf(problems));
    }

    /** Whether the workflow triggers for {@code event}, and why (or why not). */
    public FilterDecision decide(TriggerEvent event) {
        Compiled c = events.get(event.name());
        if (c == null) {
            return FilterDecision.fail("the workflow does not run on '" + event.name() + "'");
        }
        FilterDecision types = checkTypes(c.trigger(), event);
        if (!types.passes()) {
            return types;
        }
        return switch (event.name()) {
            case "push" -> push(c, event);
            case "workflow_run" -> all(refChecks(c.branches(), event.ref(), "branch"));
            case "schedule" -> schedule(c.trigger(), event);
            default -> BASE_BRANCH_EVENTS.contains(event.name())
                    ? all(refChecks(c.branches(), event.baseRef(), "base branch"), pathChecks(c.paths(), event))
                    : FilterDecision.pass("the workflow runs on '" + event.name() + "'");
        };
    }

    /**
     * Mistakes in the filters that make them mean something else than written: pattern problems,
     * include lists with only negative patterns, both an include and an ignore list for one kind,
     * and invalid or never-running crons. For lint; {@link #decide} works regardless.
     */
    public List<String> problems() {
        return problems;
    }

    private static FilterDecision checkTypes(EventTrigger trigger, TriggerEvent event) {
        boolean defaulted = trigger.types().isEmpty() && DEFAULT_TYPED_EVENTS.contains(event.name());
        List<String> types = defaulted ? DEFAULT_PULL_REQUEST_TYPES : trigger.types();
        if (types.isEmpty() || event.action() == null || types.contains(event.action())) {
            return FilterDecision.pass("activity type accepted");
        }
        return FilterDecision.fail("activity type '" + event.action() + "' is not one of " + types
                + (defaulted ? ", the default types of " + event.name() : " in types"));
    }

    private static FilterDecision push(Compiled c, TriggerEvent event) {
        String ref = event.ref();
        if (ref == null) {
            return all(pathChecks(c.paths(), event));
        }
        boolean tag = ref.startsWith("refs/tags/");
        String name = tag ? ref.substring("refs/tags/".length()) : stripHeads(ref);
        if (tag) {
            // Path filters are not evaluated for pushes of tags.
            if (c.tags().isEmpty() && !c.branches().isEmpty()) {
                return FilterDecision.fail("the workflow filters branches only, so the push of tag '" + name
                        + "' does not trigger it");
            }
            return all(refChecks(c.tags(), name, "tag"));
        }
        if (c.branches().isEmpty() && !c.tags().isEmpty()) {
            return FilterDecision.fail("the workflow filters tags only, so the push to branch '" + name
                    + "' does not trigger it");
        }
        return all(refChecks(c.branches(), name, "branch"), pathChecks(c.paths(), event));
    }

    private static FilterDecision schedule(EventTrigger trigger, TriggerEvent event) {
        if (event.schedule() == null || trigger.crons().contains(event.schedule())) {
            return FilterDecision.pass("the workflow runs on schedule");
        }
        return FilterDecision.fail("the schedule '" + event.schedule() + "' is not one of the workflow's "
                + trigger.crons());
    }

    private static List<FilterDecision> refChecks(List<RefFilter> filters, String ref, String noun) {
        if (filters.isEmpty()) {
            return List.of();
        }
        if (ref == null) {
            return List.of(FilterDecision.pass("the " + noun + " is unknown, so its filters do not apply"));
        }
        String name = stripHeads(ref);
        return filters.stream().map(f -> f.check(name)).toList();
    }

    private static List<FilterDecision> pathChecks(List<PathFilter> filters, TriggerEvent event) {
        return filters.stream().map(f -> f.check(event.changedFiles())).toList();
    }

    /** The first failing decision, else a pass whose reason joins those of every check. */
    @SafeVarargs
    private static FilterDecision all(List<FilterDecision>... groups) {
        List<String> reasons = new ArrayList<>();
        for (List<FilterDecision> group : groups) {
            for (FilterDecision d : group) {
                if (!d.passes()) {
                    return d;
                }
                reasons.add(d.reason());
            }
        }
        return FilterDecision.pass(reasons.isEmpty() ? "no filter applies" : String.join("; ", reasons));
    }

    private static String stripHeads(String ref) {
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static List<RefFilter> refFilters(EventTrigger t, List<String> keys) {
        List<RefFilter> out = new ArrayList<>();
        for (String key : keys) {
            List<String> patterns = t.filters().get(key);
            if (patterns != null) {
                out.add(RefFilter.of(key, patterns));
            }
        }
        return out;
    }

    private static List<PathFilter> pathFilters(EventTrigger t) {
        List<PathFilter> out = new ArrayList<>();
        for (String key : PATH_KEYS) {
            List<String> patterns = t.filters().get(key);
            if (patterns != null) {
                out.add(PathFilter.of(key, patterns));
            }
        }
        return out;
    }

    private static void collectProblems(Compiled c, List<String> out) {
        String event = c.trigger().event();
        Map<String, FilterPatterns> byKey = new LinkedHashMap<>();
        c.branches().forEach(f -> byKey.put(f.key(), f.patterns()));
        c.tags().forEach(f -> byKey.put(f.key(), f.patterns()));
        c.paths().forEach(f -> byKey.put(f.key(), f.patterns()));
        byKey.forEach((key, patterns) -> {
            out.addAll(patterns.problems());
            if (!key.endsWith("-ignore") && patterns.onlyNegations()) {
                out.add("'" + key + "' of '" + event + "' has only negative patterns, so nothing matches;"
                        + " add a positive pattern or use '" + key + "-ignore'");
            }
        });
        for (String key : List.of("branches", "tags", "paths")) {
            if (byKey.containsKey(key) && byKey.containsKey(key + "-ignore")) {
                out.add("'" + event + "' cannot use both '" + key + "' and '" + key + "-ignore'");
            }
        }
        for (String cron : c.trigger().crons()) {
            CronSchedule.Parsed parsed = CronSchedule.parse(cron);
            if (parsed.ok()) {
                out.addAll(parsed.schedule().warnings());
            } else {
                out.add("cron '" + cron + "': " + parsed.error().message());
            }
        }
    }
}

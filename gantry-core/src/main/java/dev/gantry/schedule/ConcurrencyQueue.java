package dev.gantry.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What GitHub's job-level {@code concurrency} allows in one decision pass ("Control the concurrency
 * of workflows and jobs#Using concurrency in different scenarios", docs.github.com): at most one
 * running and one pending job per group. A ready job of a group with a running job is pending; a
 * newer pending job cancels the older one (it ends cancelled without running); with
 * {@code cancel-in-progress} the pending job also cancels the running one, and starts once it has
 * stopped. Group names compare case-insensitively. Among jobs that become ready at once, the earlier
 * in plan order is the older (GitHub guarantees no order).
 */
final class ConcurrencyQueue {

    private final Map<String, String> cancelBeforeStart = new LinkedHashMap<>();
    private final Map<String, String> cancelRunning = new LinkedHashMap<>();
    private final Set<String> pending = new HashSet<>();

    private record Queued(SchedulingJob job, ConcurrencyGroups.Group group, Instant readyAt) {
    }

    /**
     * @param ready   the waiting jobs whose gate lets them run now (not deferred), in plan order
     * @param readyAt when each became ready
     */
    static ConcurrencyQueue of(RunState state, ConcurrencyGroups groups, List<SchedulingJob> ready,
                               Function<SchedulingJob, Instant> readyAt) {
        ConcurrencyQueue queue = new ConcurrencyQueue();
        Map<String, SchedulingJob> running = new HashMap<>();
        for (SchedulingJob job : state.jobs()) {
            if (state.statusOf(job.key()) == JobStatus.RUNNING) {
                ConcurrencyGroups.Group g = groups.of(job);
                if (g != null) {
                    running.putIfAbsent(name(g), job);
                }
            }
        }
        Map<String, List<Queued>> queued = new LinkedHashMap<>();
        for (SchedulingJob job : ready) {
            ConcurrencyGroups.Group g = groups.of(job);
            if (g != null) {
                queued.computeIfAbsent(name(g), n -> new ArrayList<>()).add(new Queued(job, g, readyAt.apply(job)));
            }
        }
        queued.forEach((name, jobs) -> queue.decide(state, running.get(name), jobs));
        return queue;
    }

    private static String name(ConcurrencyGroups.Group group) {
        return group.name().toLowerCase(Locale.ROOT);
    }

    private void decide(RunState state, SchedulingJob holder, List<Queued> jobs) {
        List<Queued> waiting = new ArrayList<>(jobs);
        waiting.sort(Comparator.comparing(Queued::readyAt)); // stable: plan order among equals
        Queued starter = holder == null ? waiting.remove(0) : null;
        if (waiting.isEmpty()) {
            return;
        }
        Queued newest = waiting.remove(waiting.size() - 1);
        String group = "concurrency group '" + newest.group().name() + "'";
        for (Queued older : waiting) {
            cancelBeforeStart.put(older.job().key(), "a newer job of " + group + " is pending: " + newest.job().key());
        }
        pending.add(newest.job().key());
        if (newest.group().cancelInProgress()) {
            String reason = "cancel-in-progress of " + group + ": " + newest.job().key() + " is pending";
            if (starter != null) {
                cancelBeforeStart.put(starter.job().key(), reason);
            } else if (!state.cancelSent().contains(holder.key())) {
                cancelRunning.put(holder.key(), reason);
            }
        }
    }

    /** Whether the ready job must wait for its group's running job. */
    boolean pending(String key) {
        return pending.contains(key);
    }

    /** Why the ready job is cancelled without running, or null when it is not. */
    String cancelledBeforeStart(String key) {
        return cancelBeforeStart.get(key);
    }

    /** The running jobs to cancel, with the reason, in plan order of their groups. */
    Map<String, String> cancelRunning() {
        return cancelRunning;
    }
}

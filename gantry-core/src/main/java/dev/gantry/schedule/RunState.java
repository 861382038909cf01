package dev.gantry.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the scheduler looks at: the planned jobs, where each stands, and when things
 * happened. Immutable; the run loop makes a new state for every change with the {@code with*}
 * methods, so a test can build any situation in a line or two.
 *
 * @param jobs            the planned jobs in plan order (the order ready jobs start in)
 * @param status          each job's status; a job missing here is {@link JobStatus#WAITING}
 * @param finishedAt      when each finished job finished (delays count from the last predecessor)
 * @param cancelSent      running jobs that were already told to stop
 * @param cancelRequested the user cancelled the run (Ctrl-C)
 * @param maxParallel     at most this many jobs run at once, at least 1
 * @param startedAt       when the run started (a delayed job without predecessors counts from here)
 * @param references      derived: each key and group to the keys it stands for (pass null to compute it)
 */
public record RunState(List<SchedulingJob> jobs, Map<String, JobStatus> status, Map<String, Instant> finishedAt,
                       Set<String> cancelSent, boolean cancelRequested, int maxParallel, Instant startedAt,
                       Map<String, List<String>> references) {

    public RunState {
        jobs = List.copyOf(jobs);
        status = Collections.unmodifiableMap(new LinkedHashMap<>(status));
        finishedAt = Map.copyOf(finishedAt);
        cancelSent = Set.copyOf(cancelSent);
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1, was " + maxParallel);
        }
        if (references == null) {
            references = index(jobs);
        }
    }

    public RunState(List<SchedulingJob> jobs, Map<String, JobStatus> status, Map<String, Instant> finishedAt,
                    Set<String> cancelSent, boolean cancelRequested, int maxParallel, Instant startedAt) {
        this(jobs, status, finishedAt, cancelSent, cancelRequested, maxParallel, startedAt, null);
    }

    /** Each key to itself, each group (that is not also a key) to its keys: predecessor lookups in O(1). */
    private static Map<String, List<String>> index(List<SchedulingJob> jobs) {
        Map<String, List<String>> byGroup = new HashMap<>();
        for (SchedulingJob j : jobs) {
            byGroup.computeIfAbsent(j.group(), g -> new java.util.ArrayList<>()).add(j.key());
        }
        Map<String, List<String>> index = new HashMap<>(byGroup);
        for (SchedulingJob j : jobs) {
            index.put(j.key(), List.of(j.key()));
        }
        return Collections.unmodifiableMap(index);
    }

    /** A run where nothing has happened yet. */
    public static RunState start(List<SchedulingJob> jobs, int maxParallel, Instant now) {
        return new RunState(jobs, Map.of(), Map.of(), Set.of(), false, maxParallel, now);
    }

    public JobStatus statusOf(String key) {
        return status.getOrDefault(key, JobStatus.WAITING);
    }

    /** The state after {@code key} moved to {@code newStatus} at {@code now}. */
    public RunState with(String key, JobStatus newStatus, Instant now) {
        Map<String, JobStatus> s = new HashMap<>(status);
        s.put(key, newStatus);
        Map<String, Instant> f = finishedAt;
        if (newStatus.finished()) {
            f = new HashMap<>(finishedAt);
            f.put(key, now);
        }
        return new RunState(jobs, s, f, cancelSent, cancelRequested, maxParallel, startedAt, references);
    }

    /** The state after a cancel was sent to a running job. */
    public RunState withCancelSent(String key) {
        Set<String> c = new java.util.HashSet<>(cancelSent);
        c.add(key);
        return new RunState(jobs, status, finishedAt, c, cancelRequested, maxParallel, startedAt, references);
    }

    /** The state after the user cancelled the run. */
    public RunState withCancelRequested() {
        return new RunState(jobs, status, finishedAt, cancelSent, true, maxParallel, startedAt, references);
    }

    /**
     * The state after a deferred job was replaced by its legs, in its place in the plan order. A
     * matrix that turned out empty leaves no job: its dependents see the group as skipped.
     */
    public RunState withExpanded(String key, List<SchedulingJob> legs) {
        List<SchedulingJob> next = new java.util.ArrayList<>(jobs.size() + legs.size());
        for (SchedulingJob j : jobs) {
            if (j.key().equals(key)) {
                next.addAll(legs);
            } else {
                next.add(j);
            }
        }
        return new RunState(next, status, finishedAt, cancelSent, cancelRequested, maxParallel, startedAt);
    }

    /**
     * The statuses a predecessor reference stands for: the job with that key, else every job of
     * that group; empty when nothing matches (a group whose matrix expanded to nothing).
     */
    public List<JobStatus> statusesOf(String reference) {
        return references.getOrDefault(reference, List.of()).stream().map(this::statusOf).toList();
    }

    /** True when every job has a terminal status. */
    public boolean done() {
        return jobs.stream().allMatch(j -> statusOf(j.key()).finished());
    }
}

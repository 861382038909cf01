package dev.gantry.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pure decider: looks at a {@link RunState} and says what should happen now. It reads no
 * clock (the caller passes {@code now}), starts nothing and keeps no state, so the local run loop
 * and the server apply the very same decisions and a scheduling bug is a unit test.
 *
 * <p>Rules, in the order they are applied:
 * <ol>
 *   <li>A cancelled run sends a cancel to every running job once.</li>
 *   <li>Fail-fast (GitHub "Using a matrix for your jobs#handling failures"): when a leg of a group
 *       with fail-fast fails (a tolerated failure does not count), its waiting legs are cancelled
 *       and its running legs are told to stop.</li>
 *   <li>A waiting job whose predecessors have all finished is put to its {@link JobGate}; a job the
 *       gate runs starts when its delay (GitLab {@code start_in}) has passed and a slot is free
 *       under both the run's and its group's parallel limits, in plan order, and not while a job
 *       of its exclusive group (a GitLab resource group) runs. A ready job with a GitHub job-level
 *       {@code concurrency} group waits while a job of its group runs, and is cancelled when a newer
 *       job of the group becomes pending ({@link ConcurrencyQueue}).</li>
 *   <li>A waiting deferred job is expanded when its predecessors have finished and, under a group
 *       limit, fewer than that many jobs of its group are expanded and unfinished: the legs of a
 *       matrix that calls a reusable workflow each stand for their called jobs, and
 *       {@code strategy.max-parallel} limits how many such legs run at once ("Workflow syntax for
 *       GitHub Actions#jobs.&lt;job_id&gt;.strategy.max-parallel"; "Reuse workflows#Using a matrix
 *       strategy with a reusable workflow").</li>
 * </ol>
 */
public final class Scheduler {

    private final JobGate gate;
    private final ConcurrencyGroups concurrency;

    public Scheduler(JobGate gate) {
        this(gate, ConcurrencyGroups.NONE);
    }

    /** @param concurrency the jobs' GitHub {@code concurrency} groups ({@link ConcurrencyQueue}) */
    public Scheduler(JobGate gate, ConcurrencyGroups concurrency) {
        this.gate = gate;
        this.concurrency = concurrency;
    }

    /**
     * @param decisions what to do now, in plan order
     * @param wakeAt    when to call {@link #decide} again even if nothing finishes (a delayed job
     *                  becomes due), or empty
     */
    public record Decisions(List<Decision> decisions, Optional<Instant> wakeAt) {
        public Decisions {
            decisions = List.copyOf(decisions);
        }
    }

    public Decisions decide(RunState state, Instant now) {
        List<Decision> out = new ArrayList<>();
        Set<String> decided = new HashSet<>();
        if (state.cancelRequested()) {
            for (SchedulingJob job : state.jobs()) {
                if (state.statusOf(job.key()) == JobStatus.RUNNING && !state.cancelSent().contains(job.key())) {
                    out.add(new Decision.Cancel(job.key(), "the run was cancelled"));
                    decided.add(job.key());
                }
            }
        }
        failFast(state, out, decided);

        Map<String, Integer> runningPerGroup = new HashMap<>();
        Map<String, Integer> expandedPerGroup = new HashMap<>();
        Set<String> busy = new HashSet<>();
        int running = 0;
        for (SchedulingJob job : state.jobs()) {
            if (!job.deferred() && !state.statusOf(job.key()).finished()) {
                expandedPerGroup.merge(job.group(), 1, Integer::sum);
            }
            if (state.statusOf(job.key()) == JobStatus.RUNNING) {
                running++;
                runningPerGroup.merge(job.group(), 1, Integer::sum);
                if (job.exclusive() != null) {
                    busy.add(job.exclusive());
                }
            }
        }
        // The gate first, for every ready job: a concurrency group's pending and cancelled jobs
        // depend on all of its ready jobs, whatever their place in the plan.
        Map<String, JobGate.Verdict> verdicts = new LinkedHashMap<>();
        List<SchedulingJob> runnable = new ArrayList<>();
        for (SchedulingJob job : state.jobs()) {
            if (state.statusOf(job.key()) != JobStatus.WAITING || decided.contains(job.key())) {
                continue;
            }
            Map<String, JobStatus> predecessors = finishedPredecessors(state, job);
            if (predecessors == null) {
                continue;
            }
            JobGate.Verdict verdict = gate.decide(job, predecessors, state.cancelRequested());
            verdicts.put(job.key(), verdict);
            if (verdict.outcome() == JobStatus.RUNNING && !job.deferred()) {
                runnable.add(job);
            }
        }
        ConcurrencyQueue groups = ConcurrencyQueue.of(state, concurrency, runnable, job -> readyAt(state, job));
        groups.cancelRunning().forEach((key, reason) -> {
            if (!decided.contains(key)) {
                out.add(new Decision.Cancel(key, reason));
                decided.add(key);
            }
        });
        Instant wakeAt = null;
        for (SchedulingJob job : state.jobs()) {
            JobGate.Verdict verdict = verdicts.get(job.key());
            if (verdict == null) {
                continue;
            }
            if (verdict.outcome() != JobStatus.RUNNING) {
                out.add(new Decision.Conclude(job.key(), verdict.outcome(), verdict.reason()));
                continue;
            }
            String superseded = groups.cancelledBeforeStart(job.key());
            if (superseded != null) {
                out.add(new Decision.Conclude(job.key(), JobStatus.CANCELLED, superseded));
                continue;
            }
            if (job.deferred()) {
                if (job.groupMaxParallel() > 0
                        && expandedPerGroup.getOrDefault(job.group(), 0) >= job.groupMaxParallel()) {
                    continue;
                }
                out.add(new Decision.Expand(job.key()));
                expandedPerGroup.merge(job.group(), 1, Integer::sum);
                continue;
            }
            if (job.startIn() != null) {
                Instant due = readyAt(state, job).plus(job.startIn());
                if (now.isBefore(due)) {
                    wakeAt = wakeAt == null || due.isBefore(wakeAt) ? due : wakeAt;
                    continue;
                }
            }
            int inGroup = runningPerGroup.getOrDefault(job.group(), 0);
            if (running >= state.maxParallel() || (job.groupMaxParallel() > 0 && inGroup >= job.groupMaxParallel())
                    || (job.exclusive() != null && busy.contains(job.exclusive())) || groups.pending(job.key())) {
                continue;
            }
            out.add(new Decision.Start(job.key()));
            running++;
            runningPerGroup.merge(job.group(), 1, Integer::sum);
            if (job.exclusive() != null) {
                busy.add(job.exclusive());
            }
        }
        return new Decisions(out, Optional.ofNullable(wakeAt));
    }

    private static void failFast(RunState state, List<Decision> out, Set<String> decided) {
        Map<String, String> failedLegByGroup = new LinkedHashMap<>();
        for (SchedulingJob job : state.jobs()) {
            if (job.failFast() && state.statusOf(job.key()) == JobStatus.FAILURE) {
                failedLegByGroup.putIfAbsent(job.group(), job.key());
            }
        }
        if (failedLegByGroup.isEmpty()) {
            return;
        }
        for (SchedulingJob job : state.jobs()) {
            String failed = failedLegByGroup.get(job.group());
            if (failed == null || decided.contains(job.key())) {
                continue;
            }
            String reason = "fail-fast: " + failed + " failed";
            JobStatus s = state.statusOf(job.key());
            if (s == JobStatus.WAITING) {
                out.add(new Decision.Conclude(job.key(), JobStatus.CANCELLED, reason));
                decided.add(job.key());
            } else if (s == JobStatus.RUNNING && !state.cancelSent().contains(job.key())) {
                out.add(new Decision.Cancel(job.key(), reason));
                decided.add(job.key());
            }
        }
    }

    /** The predecessors' final statuses, or null while any of them is unfinished. */
    private static Map<String, JobStatus> finishedPredecessors(RunState state, SchedulingJob job) {
        Map<String, JobStatus> result = new LinkedHashMap<>();
        for (String p : job.predecessors()) {
            List<JobStatus> statuses = state.statusesOf(p);
            if (!statuses.stream().allMatch(JobStatus::finished)) {
                return null;
            }
            result.put(p, statuses.isEmpty() ? JobStatus.SKIPPED : JobStatus.combine(statuses));
        }
        return result;
    }

    private static Instant readyAt(RunState state, SchedulingJob job) {
        Instant ready = state.startedAt();
        for (String p : job.predecessors()) {
            for (String key : state.references().getOrDefault(p, List.of())) {
                Instant f = state.finishedAt().get(key);
                if (f != null && f.isAfter(ready)) {
                    ready = f;
                }
            }
        }
        return ready;
    }
}

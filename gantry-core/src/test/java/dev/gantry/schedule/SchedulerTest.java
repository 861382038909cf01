package dev.gantry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** GitHub's default gate: run when every predecessor succeeded, else skip. */
    private static final JobGate SUCCESS_ONLY = (job, preds, cancelled) ->
            cancelled ? new JobGate.Verdict(JobStatus.CANCELLED, "cancelled")
                    : preds.values().stream().allMatch(JobStatus::succeeded) ? JobGate.Verdict.RUN
                    : JobGate.Verdict.skip("a needed job did not succeed");

    /** A tiny job-graph DSL: {@code job("test").needs("build")}. */
    private static final class J {
        final String key;
        String group;
        final List<String> needs = new ArrayList<>();
        int groupMax;
        boolean failFast;
        Duration startIn;
        String exclusive;

        J(String key) {
            this.key = key;
            this.group = key;
        }

        J needs(String... keys) {
            needs.addAll(List.of(keys));
            return this;
        }

        J leg(String of) {
            group = of;
            return this;
        }

        J failFast() {
            failFast = true;
            return this;
        }

        J max(int n) {
            groupMax = n;
            return this;
        }

        J delayed(Duration d) {
            startIn = d;
            return this;
        }

        J exclusive(String name) {
            exclusive = name;
            return this;
        }

        SchedulingJob build() {
            return new SchedulingJob(key, group, needs, groupMax, failFast, startIn, false, exclusive);
        }
    }

    private static J job(String key) {
        return new J(key);
    }

    private static RunState run(int maxParallel, J... jobs) {
        return RunState.start(List.of(jobs).stream().map(J::build).toList(), maxParallel, T0);
    }

    private static List<Decision> decide(RunState s) {
        return new Scheduler(SUCCESS_ONLY).decide(s, T0).decisions();
    }

    @Test
    void startsJobsWithoutNeedsInPlanOrderUpToTheLimit() {
        RunState s = run(2, job("a"), job("b"), job("c"), job("d").needs("a"));
        assertThat(decide(s)).containsExactly(new Decision.Start("a"), new Decision.Start("b"));
    }

    @Test
    void aJobStartsWhenItsNeedsSucceeded() {
        RunState s = run(4, job("build"), job("test").needs("build"));
        s = s.with("build", JobStatus.RUNNING, T0);
        assertThat(decide(s)).isEmpty();
        s = s.with("build", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("test"));
    }

    @Test
    void theGateSkipsAfterAFailedNeedAndSkipsCascade() {
        RunState s = run(4, job("a"), job("b").needs("a"), job("c").needs("b"));
        s = s.with("a", JobStatus.FAILURE, T0);
        assertThat(decide(s)).containsExactly(
                new Decision.Conclude("b", JobStatus.SKIPPED, "a needed job did not succeed"));
        s = s.with("b", JobStatus.SKIPPED, T0);
        assertThat(decide(s)).containsExactly(
                new Decision.Conclude("c", JobStatus.SKIPPED, "a needed job did not succeed"));
    }

    @Test
    void jobsOfOneExclusiveGroupRunOneAtATimeInPlanOrder() {
        RunState s = run(8, job("a").exclusive("prod"), job("b").exclusive("prod"), job("c"),
                job("d").exclusive("staging"));
        assertThat(decide(s)).containsExactly(new Decision.Start("a"), new Decision.Start("c"), new Decision.Start("d"));
        s = s.with("a", JobStatus.RUNNING, T0).with("c", JobStatus.RUNNING, T0).with("d", JobStatus.RUNNING, T0);
        assertThat(decide(s)).as("b waits while a holds the group").isEmpty();
        s = s.with("a", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("b"));
    }

    @Test
    void groupMaxParallelLimitsLegs() {
        RunState s = run(8, job("t1").leg("t").max(2), job("t2").leg("t").max(2), job("t3").leg("t").max(2));
        assertThat(decide(s)).containsExactly(new Decision.Start("t1"), new Decision.Start("t2"));
        s = s.with("t1", JobStatus.RUNNING, T0).with("t2", JobStatus.RUNNING, T0);
        assertThat(decide(s)).isEmpty();
        s = s.with("t1", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("t3"));
    }

    @Test
    void failFastCancelsOnlyTheOtherLegsOfTheSameMatrix() {
        RunState s = run(2, job("m1").leg("m").failFast(), job("m2").leg("m").failFast(),
                job("m3").leg("m").failFast(), job("other"));
        s = s.with("m1", JobStatus.FAILURE, T0).with("m2", JobStatus.RUNNING, T0);
        assertThat(decide(s)).containsExactly(
                new Decision.Cancel("m2", "fail-fast: m1 failed"),
                new Decision.Conclude("m3", JobStatus.CANCELLED, "fail-fast: m1 failed"),
                new Decision.Start("other"));
        s = s.withCancelSent("m2").with("m3", JobStatus.CANCELLED, T0).with("other", JobStatus.RUNNING, T0);
        assertThat(decide(s)).isEmpty();
    }

    @Test
    void aToleratedFailureDoesNotTriggerFailFast() {
        RunState s = run(1, job("m1").leg("m").failFast(), job("m2").leg("m").failFast());
        s = s.with("m1", JobStatus.ALLOWED_FAILURE, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("m2"));
    }

    @Test
    void cancellingTheRunStopsRunningJobsOnceAndAsksTheGateForWaitingOnes() {
        RunState s = run(4, job("a"), job("b"), job("c").needs("a"));
        s = s.with("a", JobStatus.RUNNING, T0).with("b", JobStatus.SUCCESS, T0).withCancelRequested();
        assertThat(decide(s)).containsExactly(new Decision.Cancel("a", "the run was cancelled"));
        s = s.withCancelSent("a");
        assertThat(decide(s)).isEmpty();
        s = s.with("a", JobStatus.CANCELLED, T0);
        assertThat(decide(s)).containsExactly(new Decision.Conclude("c", JobStatus.CANCELLED, "cancelled"));
    }

    @Test
    void aDelayedJobWaitsFromItsLastPredecessorAndNamesItsWakeUp() {
        RunState s = run(4, job("a"), job("later").needs("a").delayed(Duration.ofMinutes(5)));
        Instant done = T0.plusSeconds(30);
        s = s.with("a", JobStatus.SUCCESS, done);
        Scheduler scheduler = new Scheduler(SUCCESS_ONLY);
        Scheduler.Decisions early = scheduler.decide(s, done.plusSeconds(60));
        assertThat(early.decisions()).isEmpty();
        assertThat(early.wakeAt()).contains(done.plus(Duration.ofMinutes(5)));
        assertThat(scheduler.decide(s, done.plus(Duration.ofMinutes(5))).decisions())
                .containsExactly(new Decision.Start("later"));
    }

    @Test
    void theGateSeesEachPredecessorsStatus() {
        List<Map<String, JobStatus>> seen = new ArrayList<>();
        JobGate recording = (job, preds, cancelled) -> {
            seen.add(preds);
            return JobGate.Verdict.RUN;
        };
        RunState s = run(4, job("a"), job("b"), job("c").needs("a", "b"))
                .with("a", JobStatus.SKIPPED, T0).with("b", JobStatus.ALLOWED_FAILURE, T0);
        assertThat(new Scheduler(recording).decide(s, T0).decisions()).containsExactly(new Decision.Start("c"));
        assertThat(seen).containsExactly(Map.of("a", JobStatus.SKIPPED, "b", JobStatus.ALLOWED_FAILURE));
    }

    @Test
    void aGroupPredecessorWaitsForEveryLegAndSeesTheirCombinedStatus() {
        List<Map<String, JobStatus>> seen = new ArrayList<>();
        JobGate recording = (job, preds, cancelled) -> {
            seen.add(preds);
            return JobGate.Verdict.RUN;
        };
        RunState s = run(4, job("t (1)").leg("t"), job("t (2)").leg("t"), job("after").needs("t"))
                .with("t (1)", JobStatus.FAILURE, T0).with("t (2)", JobStatus.RUNNING, T0);
        Scheduler scheduler = new Scheduler(recording);
        assertThat(scheduler.decide(s, T0).decisions()).isEmpty();
        s = s.with("t (2)", JobStatus.SUCCESS, T0);
        assertThat(scheduler.decide(s, T0).decisions()).containsExactly(new Decision.Start("after"));
        assertThat(seen).containsExactly(Map.of("t", JobStatus.FAILURE));
    }

    @Test
    void aDeferredMatrixIsExpandedWhenReadyAndItsLegsThenRun() {
        SchedulingJob deferred = new SchedulingJob("m", "m", List.of("setup"), 0, false, null, true);
        RunState s = RunState.start(List.of(job("setup").build(), deferred, job("after").needs("m").build()), 4, T0)
                .with("setup", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Expand("m"));
        s = s.withExpanded("m", List.of(job("m (a)").leg("m").needs("setup").build(),
                job("m (b)").leg("m").needs("setup").build()));
        assertThat(decide(s)).containsExactly(new Decision.Start("m (a)"), new Decision.Start("m (b)"));
        s = s.with("m (a)", JobStatus.SUCCESS, T0).with("m (b)", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("after"));
    }

    @Test
    void aMatrixCallersMaxParallelLimitsHowManyLegsAreExpandedAndUnfinishedAtOnce() {
        // Two legs of a caller with max-parallel 1: the second leg's called jobs wait for the first
        // leg (its called jobs and the waiting caller) to finish.
        SchedulingJob leg1 = new SchedulingJob("call (1)", "call", List.of(), 1, false, null, true);
        SchedulingJob leg2 = new SchedulingJob("call (2)", "call", List.of(), 1, false, null, true);
        RunState s = RunState.start(List.of(leg1, leg2), 4, T0);
        assertThat(decide(s)).containsExactly(new Decision.Expand("call (1)"));
        s = s.withExpanded("call (1)", List.of(job("call (1) / c").build(),
                new SchedulingJob("call (1)", "call", List.of("call (1) / c"), 1, false, null, false)));
        assertThat(decide(s)).containsExactly(new Decision.Start("call (1) / c"));
        s = s.with("call (1) / c", JobStatus.RUNNING, T0);
        assertThat(decide(s)).isEmpty();
        s = s.with("call (1) / c", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Start("call (1)"));
        s = s.with("call (1)", JobStatus.SUCCESS, T0);
        assertThat(decide(s)).containsExactly(new Decision.Expand("call (2)"));
    }

    @Test
    void combineFollowsNeedsResult() {
        assertThat(JobStatus.combine(List.of(JobStatus.SUCCESS, JobStatus.FAILURE, JobStatus.CANCELLED)))
                .isEqualTo(JobStatus.FAILURE);
        assertThat(JobStatus.combine(List.of(JobStatus.SUCCESS, JobStatus.CANCELLED))).isEqualTo(JobStatus.CANCELLED);
        assertThat(JobStatus.combine(List.of(JobStatus.SKIPPED, JobStatus.SKIPPED))).isEqualTo(JobStatus.SKIPPED);
        assertThat(JobStatus.combine(List.of(JobStatus.SKIPPED, JobStatus.SUCCESS))).isEqualTo(JobStatus.SUCCESS);
        assertThat(JobStatus.combine(List.of(JobStatus.ALLOWED_FAILURE, JobStatus.SUCCESS))).isEqualTo(JobStatus.SUCCESS);
        assertThat(JobStatus.combine(List.of(JobStatus.SUCCESS, JobStatus.BLOCKED))).isEqualTo(JobStatus.BLOCKED);
    }

    @Test
    void doneWhenEveryJobFinished() {
        RunState s = run(1, job("a"), job("b"));
        assertThat(s.done()).isFalse();
        s = s.with("a", JobStatus.SUCCESS, T0).with("b", JobStatus.MANUAL, T0);
        assertThat(s.done()).isTrue();
    }
}

package dev.gantry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub job-level {@code concurrency} within one run: one running and one pending job per group. */
class SchedulerConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final JobGate RUN = (job, preds, cancelled) -> JobGate.Verdict.RUN;

    private static SchedulingJob job(String key, String... needs) {
        return new SchedulingJob(key, key, List.of(needs), 0, false, null);
    }

    /** Each job's group by key; names compare case-insensitively. */
    private static List<Decision> decide(RunState state, Map<String, ConcurrencyGroups.Group> groups) {
        return new Scheduler(RUN, job -> groups.get(job.key())).decide(state, T0).decisions();
    }

    private static ConcurrencyGroups.Group group(String name) {
        return new ConcurrencyGroups.Group(name, false);
    }

    private static ConcurrencyGroups.Group cancelling(String name) {
        return new ConcurrencyGroups.Group(name, true);
    }

    @Test
    void jobsOfOneGroupReadyTogetherRunTheFirstKeepTheLastPendingAndCancelTheOthers() {
        RunState s = RunState.start(List.of(job("a"), job("b"), job("c"), job("d")), 8, T0);
        Map<String, ConcurrencyGroups.Group> groups = Map.of("a", group("deploy"), "b", group("Deploy"),
                "c", group("deploy"));

        List<Decision> decisions = decide(s, groups);

        assertThat(decisions).containsExactly(new Decision.Start("a"),
                new Decision.Conclude("b", JobStatus.CANCELLED,
                        "a newer job of concurrency group 'deploy' is pending: c"),
                new Decision.Start("d"));
    }

    @Test
    void thePendingJobStartsWhenTheRunningOneFinishes() {
        RunState s = RunState.start(List.of(job("a"), job("b")), 8, T0).with("a", JobStatus.RUNNING, T0);
        Map<String, ConcurrencyGroups.Group> groups = Map.of("a", group("g"), "b", group("g"));

        assertThat(decide(s, groups)).isEmpty();
        assertThat(decide(s.with("a", JobStatus.SUCCESS, T0), groups)).containsExactly(new Decision.Start("b"));
    }

    @Test
    void aJobReadyLaterIsTheNewerOneWhateverItsPlanOrder() {
        // "late" comes first in the plan but became ready after "early", which was pending already.
        RunState s = RunState.start(List.of(job("setup"), job("late", "setup"), job("early"), job("holder")), 8, T0)
                .with("holder", JobStatus.RUNNING, T0).with("setup", JobStatus.SUCCESS, T0.plusSeconds(5));
        Map<String, ConcurrencyGroups.Group> groups = Map.of("late", group("g"), "early", group("g"),
                "holder", group("g"));

        assertThat(decide(s, groups)).containsExactly(new Decision.Conclude("early", JobStatus.CANCELLED,
                "a newer job of concurrency group 'g' is pending: late"));
    }

    @Test
    void cancelInProgressCancelsTheRunningJobOnceAndThePendingOneStartsAfterIt() {
        RunState s = RunState.start(List.of(job("a"), job("b")), 8, T0).with("a", JobStatus.RUNNING, T0);
        Map<String, ConcurrencyGroups.Group> groups = Map.of("a", group("g"), "b", cancelling("g"));

        assertThat(decide(s, groups)).containsExactly(
                new Decision.Cancel("a", "cancel-in-progress of concurrency group 'g': b is pending"));
        s = s.withCancelSent("a");
        assertThat(decide(s, groups)).isEmpty();
        assertThat(decide(s.with("a", JobStatus.CANCELLED, T0), groups)).containsExactly(new Decision.Start("b"));
    }

    @Test
    void cancelInProgressAmongJobsReadyTogetherRunsOnlyTheNewest() {
        RunState s = RunState.start(List.of(job("a"), job("b")), 8, T0);
        Map<String, ConcurrencyGroups.Group> groups = Map.of("a", cancelling("g"), "b", cancelling("g"));

        assertThat(decide(s, groups)).containsExactly(new Decision.Conclude("a", JobStatus.CANCELLED,
                "cancel-in-progress of concurrency group 'g': b is pending"));
    }

    @Test
    void differentGroupsAndJobsWithoutOneRunAtOnce() {
        RunState s = RunState.start(List.of(job("a"), job("b"), job("c")), 8, T0);
        Map<String, ConcurrencyGroups.Group> groups = Map.of("a", group("x"), "b", group("y"));

        assertThat(decide(s, groups)).containsExactly(new Decision.Start("a"), new Decision.Start("b"),
                new Decision.Start("c"));
    }
}

package dev.gantry.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.schedule.JobGate;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.Scheduler;
import dev.gantry.schedule.SchedulingJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalRunTest {

    private static final JobGate SUCCESS_ONLY = (job, preds, cancelled) ->
            cancelled ? new JobGate.Verdict(JobStatus.CANCELLED, "cancelled")
                    : preds.values().stream().allMatch(JobStatus::succeeded) ? JobGate.Verdict.RUN
                    : JobGate.Verdict.skip("needs failed");

    private static SchedulingJob job(String key, String... needs) {
        return new SchedulingJob(key, key, List.of(needs), 0, false, null);
    }

    @Test
    void runsTheGraphAndReportsEveryStatus() throws Exception {
        Map<String, JobStatus> outcome = Map.of("a", JobStatus.SUCCESS, "b", JobStatus.FAILURE, "c", JobStatus.SUCCESS);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<String> concluded = new ArrayList<>();
        JobLauncher launcher = (key, onFinish) -> {
            started.add(key);
            Thread.ofVirtual().start(() -> onFinish.accept(outcome.get(key)));
            return () -> { };
        };
        LocalRun run = new LocalRun(new Scheduler(SUCCESS_ONLY), launcher, Clock.systemUTC(),
                (key, status, reason) -> concluded.add(key + "=" + status + " (" + reason + ")"));
        Map<String, JobStatus> result = run.execute(
                List.of(job("a"), job("b", "a"), job("c", "a"), job("d", "b")), 2);
        assertThat(result).containsExactly(Map.entry("a", JobStatus.SUCCESS), Map.entry("b", JobStatus.FAILURE),
                Map.entry("c", JobStatus.SUCCESS), Map.entry("d", JobStatus.SKIPPED));
        assertThat(started).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(concluded).containsExactly("d=SKIPPED (needs failed)");
    }

    @Test
    void cancelStopsRunningJobsAndConcludesWaitingOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobLauncher launcher = (key, onFinish) -> {
            CountDownLatch stop = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                started.countDown();
                try {
                    stop.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                onFinish.accept(JobStatus.CANCELLED);
            });
            return stop::countDown;
        };
        LocalRun run = new LocalRun(new Scheduler(SUCCESS_ONLY), launcher, Clock.systemUTC(), (k, s, r) -> { });
        Thread.ofVirtual().start(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run.cancel();
        });
        Map<String, JobStatus> result = run.execute(List.of(job("long"), job("after", "long")), 4);
        assertThat(result).containsExactly(Map.entry("long", JobStatus.CANCELLED), Map.entry("after", JobStatus.CANCELLED));
    }
}

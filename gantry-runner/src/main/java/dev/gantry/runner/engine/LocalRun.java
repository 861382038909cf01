package dev.gantry.runner.engine;

import dev.gantry.schedule.Decision;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.RunState;
import dev.gantry.schedule.Scheduler;
import dev.gantry.schedule.SchedulingJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The local run loop: applies the {@link Scheduler}'s decisions until every job has finished.
 *
 * <p>One thread (the caller's) owns the {@link RunState}; jobs run on the launcher's threads and
 * report back through a queue, so the state is never shared. {@link #cancel()} may be called from
 * any thread (a Ctrl-C hook): running jobs are told to stop and waiting jobs are put to their gate,
 * which decides whether they still run (GitHub runs {@code if: always()} jobs after a cancel).
 */
public final class LocalRun {

    private sealed interface Event {
        record Finished(String key, JobStatus status) implements Event {
        }

        record CancelRequested() implements Event {
        }
    }

    /** Called on the loop's thread when a job gets a status without running (skipped, cancelled before start, manual). */
    @FunctionalInterface
    public interface ConcludeListener {
        void concluded(String key, JobStatus status, String reason);
    }

    private final Scheduler scheduler;
    private final JobLauncher launcher;
    private final Clock clock;
    private final ConcludeListener concludeListener;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    public LocalRun(Scheduler scheduler, JobLauncher launcher, Clock clock, ConcludeListener concludeListener) {
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.clock = clock;
        this.concludeListener = concludeListener;
    }

    /** Asks the run to stop; safe from any thread, returns at once. */
    public void cancel() {
        events.add(new Event.CancelRequested());
    }

    /**
     * Runs the jobs and returns when all have finished.
     *
     * @param jobs        the plan, in plan order
     * @param maxParallel jobs at once, at least 1
     * @return each job's final status, in plan order (a deferred job's legs in its place)
     * @throws InterruptedException when the calling thread is interrupted; running jobs are cancelled first
     */
    public Map<String, JobStatus> execute(List<SchedulingJob> jobs, int maxParallel) throws InterruptedException {
        RunState state = RunState.start(jobs, maxParallel, clock.instant());
        Map<String, JobLauncher.Running> running = new HashMap<>();
        try {
            while (!state.done()) {
                Scheduler.Decisions decisions = scheduler.decide(state, clock.instant());
                for (Decision d : decisions.decisions()) {
                    state = apply(d, state, running);
                }
                if (state.done()) {
                    break;
                }
                if (!decisions.decisions().isEmpty()) {
                    continue; // a conclusion may have made other jobs ready
                }
                Event event = nextEvent(decisions.wakeAt().orElse(null));
                if (event != null) {
                    state = apply(event, state, running);
                }
                if (running.isEmpty() && decisions.wakeAt().isEmpty() && event == null && !state.done()) {
                    throw new IllegalStateException("the scheduler is stuck: nothing runs and nothing is due");
                }
            }
        } catch (InterruptedException e) {
            running.values().forEach(JobLauncher.Running::cancel);
            throw e;
        }
        Map<String, JobStatus> result = new java.util.LinkedHashMap<>();
        for (SchedulingJob j : state.jobs()) {
            result.put(j.key(), state.statusOf(j.key()));
        }
        return result;
    }

    private Event nextEvent(Instant wakeAt) throws InterruptedException {
        if (wakeAt == null) {
            return events.take();
        }
        long millis = Math.max(0, Duration.between(clock.instant(), wakeAt).toMillis());
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    private RunState apply(Decision decision, RunState state, Map<String, JobLauncher.Running> running) {
        return switch (decision) {
            case Decision.Start s -> {
                RunState next = state.with(s.key(), JobStatus.RUNNING, clock.instant());
                running.put(s.key(), launcher.start(s.key(),
                        status -> events.add(new Event.Finished(s.key(), status))));
                yield next;
            }
            case Decision.Conclude c -> {
                concludeListener.concluded(c.key(), c.status(), c.reason());
                yield state.with(c.key(), c.status(), clock.instant());
            }
            case Decision.Expand e -> {
                List<SchedulingJob> legs = launcher.expand(e.key());
                yield legs == null ? state.with(e.key(), JobStatus.FAILURE, clock.instant())
                        : state.withExpanded(e.key(), legs);
            }
            case Decision.Cancel c -> {
                JobLauncher.Running r = running.get(c.key());
                if (r != null) {
                    r.cancel();
                }
                yield state.withCancelSent(c.key());
            }
        };
    }

    private RunState apply(Event event, RunState state, Map<String, JobLauncher.Running> running) {
        return switch (event) {
            case Event.Finished f -> {
                running.remove(f.key());
                if (!f.status().finished()) {
                    throw new IllegalStateException("job " + f.key() + " finished with non-terminal " + f.status());
                }
                yield state.with(f.key(), f.status(), clock.instant());
            }
            case Event.CancelRequested c -> state.cancelRequested() ? state : state.withCancelRequested();
        };
    }
}

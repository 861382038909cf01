package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.Matrix;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.plan.MatrixCells;
import dev.gantry.plan.MatrixExpansion;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.engine.JobLauncher;
import dev.gantry.runner.engine.LocalRun;
import dev.gantry.runner.report.JobAnnotation;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.Scheduler;
import dev.gantry.schedule.SchedulingJob;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs one GitHub workflow on this machine: plans it, applies the scheduler's decisions through a
 * {@link LocalRun}, runs each job with a {@link GithubJobRunner} on a thread of its own, and
 * collects the results. Jobs that call reusable workflows are expanded into the called jobs when
 * they are ready ({@link ReusableCalls}). {@link #cancel()} (for Ctrl-C) may be called from any thread.
 */
public final class GithubWorkflowRun {

    private final GithubRun run;
    private final RunListener listener;
    private final ReusableCalls calls;
    private final Map<String, PlannedJob> planned = new ConcurrentHashMap<>();
    private final Map<String, JobResult> results = new ConcurrentHashMap<>();
    private final List<JobAnnotation> annotations = Collections.synchronizedList(new ArrayList<>());
    private final dev.gantry.runner.platform.Platforms platforms;
    private volatile LocalRun loop;

    /** A run of a workflow that calls no reusable workflow. */
    public GithubWorkflowRun(GithubRun run, RunListener listener) {
        this(run, listener, dev.gantry.reusable.CallTree.empty());
    }

    /** @param calls every reusable workflow the workflow calls, read and checked without errors */
    public GithubWorkflowRun(GithubRun run, RunListener listener, dev.gantry.reusable.CallTree calls) {
        this(run, listener, calls, dev.gantry.runner.platform.Platforms.none());
    }

    /** @param platforms the {@code -P} options: where jobs with those {@code runs-on} labels run ({@link JobPlacement}) */
    public GithubWorkflowRun(GithubRun run, RunListener listener, dev.gantry.reusable.CallTree calls,
                             dev.gantry.runner.platform.Platforms platforms) {
        this.run = run;
        this.listener = listener;
        this.calls = new ReusableCalls(run, calls, listener);
        this.platforms = platforms;
    }

    /** Asks the run to stop; safe from any thread. */
    public void cancel() {
        LocalRun l = loop;
        if (l != null) {
            l.cancel();
        }
    }

    /**
     * Runs the planned jobs and returns the run's result.
     *
     * @param plan        from {@link GithubPlanner#plan}
     * @param maxParallel jobs at once
     * @throws IOException when the run's folder cannot be written
     */
    public RunResult execute(List<PlannedJob> plan, int maxParallel) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Files.createDirectories(run.runDir());
        // The expression language's toJSON writer: the payload reads the same as github.event, and a
        // short run does not pay for starting Jackson.
        Files.writeString(run.runDir().resolve("event.json"), dev.gantry.expr.github.Values.toJson(run.event()));
        plan.forEach(p -> planned.put(p.key(), p));
        GithubGate gate = new GithubGate(calls::runOf, planned, platforms);
        LocalRun local = new LocalRun(new Scheduler(gate, new JobConcurrency(calls::runOf, planned)), new Launcher(),
                Clock.systemUTC(), this::concluded);
        loop = local;
        Map<String, JobStatus> statuses;
        try {
            statuses = local.execute(plan.stream().map(PlannedJob::scheduling).toList(), maxParallel);
        } finally {
            run.containers().cleanup(Long.toString(run.runId()));
        }
        List<JobResult> ordered = JobResult.inPlanOrder(statuses, results, this::ref);
        RunResult result = new RunResult(run.workflowFile(), ordered, List.copyOf(annotations),
                Duration.between(started, Instant.now()));
        listener.runFinished(result);
        return result;
    }

    private void concluded(String key, JobStatus status, String reason) {
        PlannedJob job = planned.get(key);
        if (job != null) {
            calls.runOf(job).outputs().finished(job.job().id(), status);
        }
        JobResult result = JobResult.notRun(ref(key), status, reason);
        results.put(key, result);
        listener.jobFinished(result);
    }

    private JobRef ref(String key) {
        PlannedJob job = planned.get(key);
        return new JobRef(key, job == null ? key : job.displayName(), null);
    }

    /** Starts jobs on virtual threads and expands deferred matrices. */
    private final class Launcher implements JobLauncher {

        private final Interpolator interpolator = new Interpolator();

        @Override
        public Running start(String key, Consumer<JobStatus> onFinish) {
            PlannedJob job = planned.get(key);
            GithubRun jobRun = calls.runOf(job);
            if (job.calls()) {
                // Its called jobs have finished: collecting their results is quick and runs here.
                JobResult result = calls.join(job, ref(key));
                results.put(key, result);
                jobRun.outputs().finished(job.job().id(), result.status());
                listener.jobFinished(result);
                onFinish.accept(result.status());
                return () -> { };
            }
            GithubJobRunner runner = new GithubJobRunner(jobRun, job, listener);
            Thread.ofVirtual().name("job " + key).start(() -> {
                JobStatus status = JobStatus.FAILURE;
                try {
                    JobResult result = runner.run();
                    results.put(key, result);
                    runner.annotations().forEach(a -> annotations.add(new JobAnnotation(result.job(), a)));
                    status = result.status();
                } catch (RuntimeException | Error e) {
                    listener.line(ref(key), "Error: gantry failed while running this job: " + e);
                } finally {
                    jobRun.outputs().finished(job.job().id(), status);
                    onFinish.accept(status);
                }
            });
            return runner::cancel;
        }

        @Override
        public List<SchedulingJob> expand(String key) {
            PlannedJob job = planned.get(key);
            GithubRun run = calls.runOf(job);
            if (job.calls() && !job.matrixPending()) {
                return expandCall(key, job, run);
            }
            String where = "jobs." + job.job().id() + ".strategy.matrix";
            EvalContext context = EvalContext.of(Map.of(
                    "github", Contexts.github(run, job.job().id(), run.repository(), run.runDir().resolve("event.json")),
                    "needs", Contexts.needs(job, run.outputs()),
                    "vars", run.vars(),
                    "inputs", run.inputs()));
            try {
                Matrix matrix = DynamicMatrix.evaluate(job.job().matrix(), context, interpolator, where);
                if (!(MatrixExpansion.expand(matrix) instanceof MatrixCells.Cells cells)) {
                    throw new ExpressionFailure("the matrix of " + where + " is too large or still not literal");
                }
                if (cells.size() > MatrixExpansion.GITHUB_MAX_JOBS) {
                    throw new ExpressionFailure("the matrix of " + where + " makes " + cells.size()
                            + " jobs; GitHub allows at most " + MatrixExpansion.GITHUB_MAX_JOBS);
                }
                List<PlannedJob> legs = GithubPlanner.legs(withMatrix(job, matrix), job.needs(), cells.cells()).stream()
                        .map(l -> job.scope() == null ? l : l.within(job.scope())).toList();
                legs.forEach(l -> planned.put(l.key(), l));
                planned.remove(key);
                return legs.stream().map(PlannedJob::scheduling).toList();
            } catch (ExpressionFailure e) {
                return failed(key, job, run, e.getMessage());
            }
        }

        /** A ready caller leg: its called jobs, then itself waiting for them. */
        private List<SchedulingJob> expandCall(String key, PlannedJob job, GithubRun run) {
            ReusableCalls.Expansion expansion;
            try {
                expansion = calls.expand(job);
            } catch (ExpressionFailure e) {
                return failed(key, job, run, e.getMessage());
            }
            expansion.jobs().forEach(p -> planned.put(p.key(), p));
            listener.jobStarted(ref(key));
            return expansion.scheduling();
        }

        /** A deferred job that could not be expanded fails with the reason. */
        private List<SchedulingJob> failed(String key, PlannedJob job, GithubRun run, String reason) {
            JobResult failed = JobResult.notRun(ref(key), JobStatus.FAILURE, reason);
            results.put(key, failed);
            run.outputs().finished(job.job().id(), JobStatus.FAILURE);
            listener.jobFinished(failed);
            return null;
        }

        private static dev.gantry.model.Job withMatrix(PlannedJob job, Matrix matrix) {
            var j = job.job();
            return new dev.gantry.model.Job(j.id(), j.name(), j.stage(), j.needs(), j.condition(), matrix, j.env(),
                    j.runsOn(), j.container(), j.services(), j.steps(), j.caches(), j.artifacts(), j.timeout(),
                    j.retry(), j.allowFailure(), j.environment(), j.concurrency(), j.outputs(), j.details(), j.range());
        }
    }
}

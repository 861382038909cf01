package dev.gantry.runner.gitlab;

import dev.gantry.plan.GitlabPlannedJob;
import dev.gantry.runner.engine.JobLauncher;
import dev.gantry.runner.engine.LocalRun;
import dev.gantry.runner.platform.OsMismatch;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import dev.gantry.schedule.GitlabGate;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs one created GitLab pipeline on this machine: the core {@link Scheduler} with a
 * {@link GitlabGate} decides, a {@link LocalRun} applies the decisions, and each job runs with a
 * {@link GitlabJobRunner} on a virtual thread of its own. Artifacts pass between jobs through a
 * {@link PipelineArtifacts} store in the run's folder. {@link #cancel()} (for Ctrl-C) may be called
 * from any thread.
 */
public final class GitlabPipelineRun {

    private final GitlabRun run;
    private final RunListener listener;
    private final Map<String, GitlabPlannedJob> planned = new LinkedHashMap<>();
    private final Map<String, JobResult> results = new ConcurrentHashMap<>();
    private final dev.gantry.runner.platform.Platforms platforms;
    private volatile LocalRun loop;

    public GitlabPipelineRun(GitlabRun run, RunListener listener) {
        this(run, listener, dev.gantry.runner.platform.Platforms.none());
    }

    /** @param platforms the {@code -P} options: where jobs with those tags run ({@link TagPlacement}) */
    public GitlabPipelineRun(GitlabRun run, RunListener listener, dev.gantry.runner.platform.Platforms platforms) {
        this.run = run;
        this.listener = listener;
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
     * Runs the jobs and returns the pipeline's result.
     *
     * @param plan        the created jobs ({@code GitlabPlan.Created#jobs()})
     * @param maxParallel jobs at once
     * @throws IOException when the run's folder cannot be written
     */
    public RunResult execute(List<GitlabPlannedJob> plan, int maxParallel) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Files.createDirectories(run.runDir());
        Map<String, GitlabGate.JobRule> rules = new LinkedHashMap<>();
        for (GitlabPlannedJob p : plan) {
            planned.put(p.key(), p);
            rules.put(p.key(), p.gateRule(run.manual().contains(p.key()) || run.manual().contains(p.job().id())));
        }
        PipelineArtifacts artifacts = new PipelineArtifacts(run.runDir().resolve("artifacts"));
        GitlabGate gitlab = new GitlabGate(rules);
        // A job for another system's runner (unless a -P places it), or that needs the Docker
        // executor when no engine answers, is skipped with the reason. A -P image becomes the job's
        // image here, before the Docker check and the launcher read the job.
        String hostOs = OsMismatch.thisMachine();
        dev.gantry.schedule.JobGate gate = (job, predecessors, cancelRequested) -> {
            dev.gantry.schedule.JobGate.Verdict v = gitlab.decide(job, predecessors, cancelRequested);
            GitlabPlannedJob p = planned.get(job.key());
            if (v.outcome() == JobStatus.RUNNING && p != null) {
                TagPlacement.Decision placed = TagPlacement.decide(p, RunnerTags.expanded(run, p), platforms,
                        run.executor(), hostOs);
                if (placed.skip().isPresent()) {
                    return dev.gantry.schedule.JobGate.Verdict.skip(placed.skip().get());
                }
                if (placed.job() != p) {
                    p = placed.job();
                    planned.put(p.key(), p);
                }
            }
            if (v.outcome() == JobStatus.RUNNING && p != null && GitlabJobRunner.usesDocker(run, p)
                    && !run.containers().availability().available()) {
                return dev.gantry.schedule.JobGate.Verdict.skip("the job needs the Docker executor (image or"
                        + " services), and no Docker engine is reachable: " + run.containers().availability().detail());
            }
            return v;
        };
        LocalRun local = new LocalRun(new Scheduler(gate), new Launcher(artifacts), Clock.systemUTC(),
                this::concluded);
        loop = local;
        Map<String, JobStatus> statuses;
        try {
            statuses = local.execute(plan.stream().map(GitlabPlannedJob::scheduling).toList(), maxParallel);
        } finally {
            run.containers().cleanup(Long.toString(run.pipelineId()));
        }
        List<JobResult> ordered = JobResult.inPlanOrder(statuses, results, this::ref);
        List<String> blockedBy = statuses.entrySet().stream()
                .filter(e -> e.getValue() == JobStatus.MANUAL && rules.get(e.getKey()).blocking())
                .map(Map.Entry::getKey).toList();
        RunResult result = new RunResult(run.file(), ordered, List.of(), Duration.between(started, Instant.now()),
                blockedBy);
        listener.runFinished(result);
        return result;
    }

    private void concluded(String key, JobStatus status, String reason) {
        JobResult result = JobResult.notRun(ref(key), status, reason);
        results.put(key, result);
        listener.jobFinished(result);
    }

    private JobRef ref(String key) {
        GitlabPlannedJob job = planned.get(key);
        return new JobRef(key, key, job == null ? null : job.job().stage());
    }

    /** Starts each job on a virtual thread; job ids count up from the pipeline id in plan order. */
    private final class Launcher implements JobLauncher {

        private final PipelineArtifacts artifacts;

        Launcher(PipelineArtifacts artifacts) {
            this.artifacts = artifacts;
        }

        @Override
        public Running start(String key, Consumer<JobStatus> onFinish) {
            GitlabPlannedJob job = planned.get(key);
            long jobId = run.pipelineId() + 1 + new ArrayList<>(planned.keySet()).indexOf(key);
            GitlabJobRunner runner = new GitlabJobRunner(run, job, artifacts, jobId, listener);
            Thread.ofVirtual().name("job " + key).start(() -> {
                JobStatus status = JobStatus.FAILURE;
                try {
                    JobResult result = runner.run();
                    results.put(key, result);
                    status = result.status();
                } catch (RuntimeException | Error e) {
                    listener.line(ref(key), "ERROR: gantry failed while running this job: " + e);
                } finally {
                    onFinish.accept(status);
                }
            });
            return runner::cancel;
        }
    }
}

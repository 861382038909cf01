package dev.gantry.runner.gitlab;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Cache;
import dev.gantry.model.Container;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.Retry;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.plan.GitlabPlannedJob;
import dev.gantry.runner.files.ScratchFiles;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.process.ProcessGroupRegistry;
import dev.gantry.runner.process.ProcessLauncher;
import dev.gantry.runner.process.ProcessResult;
import dev.gantry.runner.process.ProcessSpec;
import dev.gantry.runner.process.SessionLauncher;
import dev.gantry.runner.process.StepProcess;
import dev.gantry.runner.process.StopSettings;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.StepRef;
import dev.gantry.runner.report.StepResult;
import dev.gantry.runner.workspace.WorkspaceResult;
import dev.gantry.schedule.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one GitLab job on this machine with the shell executor, as GitLab Runner runs it ("CI/CD YAML
 * syntax reference": "#before_script", "#script", "#after_script", "#timeout", "#retry",
 * "#allow_failure", "#coverage"; "Predefined CI/CD variables reference" for {@code CI_JOB_STATUS}):
 *
 * <ol>
 *   <li>a clean copy of the project (a fresh clone would be one), {@code CI_PROJECT_DIR}; then the
 *       artifacts the plan names and the caches;</li>
 *   <li>{@code before_script} and {@code script} in one bash session ({@link BashScript}), stopped at the
 *       job's {@code timeout} (one hour by default);</li>
 *   <li>{@code after_script} in a new shell with {@code CI_JOB_STATUS} ({@code success}, {@code failed}
 *       or {@code canceled}), at most five minutes; its failure is a warning and never fails the job;</li>
 *   <li>caches saved, artifacts uploaded and reports read; the {@code coverage:} regex applied to the
 *       log.</li>
 * </ol>
 *
 * A failed attempt is retried from the start in a new copy when {@code retry} allows it (its
 * {@code when} kinds and {@code exit_codes}). A failure that {@code allow_failure} tolerates (any, or one
 * of its {@code exit_codes}) ends as {@link JobStatus#ALLOWED_FAILURE}.
 *
 * <p>One instance runs one job once, on the thread calling {@link #run()}; {@link #cancel()} may be
 * called from any thread. Every process the job started is killed when an attempt ends.
 */
public final class GitlabJobRunner {

    /** GitLab's default job timeout (project setting, "#timeout"): one hour. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** GitLab Runner's default {@code after_script} timeout. */
    static final Duration AFTER_SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private enum Outcome { SUCCESS, SCRIPT_FAILURE, TIMEOUT, SYSTEM_FAILURE, CANCELED }

    /** How one attempt ended. */
    private record Attempt(Outcome outcome, int exitCode, String reason, List<StepResult> steps, String summary,
                           String coverage) {
    }

    private final GitlabRun run;
    private final GitlabPlannedJob job;
    private final PipelineArtifacts artifacts;
    private final long jobId;
    private final RunListener listener;
    private final SecretMasker masker = new SecretMasker();
    private final JobRef ref;
    /** The job's containers under the Docker executor, for the attempt that runs; null otherwise. */
    private GitlabContainers containers;
    private volatile boolean cancelled;
    /** Stops the running section, on this machine or in the job's container; null between sections. */
    private volatile Runnable currentStop;

    GitlabJobRunner(GitlabRun run, GitlabPlannedJob job, PipelineArtifacts artifacts, long jobId,
                    RunListener listener) {
        this.run = run;
        this.job = job;
        this.artifacts = artifacts;
        this.jobId = jobId;
        this.listener = listener;
        this.ref = new JobRef(job.key(), job.key(), job.job().stage());
        run.secrets().values().forEach(masker::add);
    }

    /** Stops the running script; after_script still runs, with {@code CI_JOB_STATUS=canceled}. */
    public void cancel() {
        cancelled = true;
        Runnable stop = currentStop;
        if (stop != null) {
            stop.run();
        }
    }

    /** Runs the job to its end and reports its result; never throws for a failing job. */
    public JobResult run() {
        Instant started = Instant.now();
        if (step("script") == null) {
            JobResult skipped = JobResult.notRun(ref, JobStatus.SKIPPED,
                    "a trigger job starts a downstream pipeline, which gantry does not run");
            listener.jobFinished(skipped);
            return skipped;
        }
        listener.jobStarted(ref);
        Retry retry = job.job().retry();
        Attempt attempt;
        for (int n = 1; ; n++) {
            attempt = attempt(n);
            if (n > retry.max() || !retryable(attempt, retry)) {
                break;
            }
            listener.line(ref, "Retrying the job (attempt " + (n + 1) + " of " + (retry.max() + 1) + ") after: "
                    + masker.mask(attempt.reason()));
        }
        JobStatus status = switch (attempt.outcome()) {
            case SUCCESS -> JobStatus.SUCCESS;
            case CANCELED -> JobStatus.CANCELLED;
            default -> tolerated(attempt) ? JobStatus.ALLOWED_FAILURE : JobStatus.FAILURE;
        };
        String reason = status == JobStatus.SUCCESS ? null : masker.mask(attempt.reason());
        JobResult result = new JobResult(ref, status, reason, Duration.between(started, Instant.now()), Map.of(),
                attempt.steps(), masker.mask(attempt.summary()), attempt.coverage());
        listener.jobFinished(result);
        return result;
    }

    private boolean tolerated(Attempt a) {
        AllowFailure allow = job.allowFailure();
        if (!allow.allowed()) {
            return false;
        }
        return allow.exitCodes().isEmpty()
                || a.outcome() == Outcome.SCRIPT_FAILURE && allow.exitCodes().contains(a.exitCode());
    }

    /** "#retry:when" kinds and "#retry:exit_codes". */
    private static boolean retryable(Attempt a, Retry retry) {
        if (a.outcome() == Outcome.SUCCESS || a.outcome() == Outcome.CANCELED) {
            return false;
        }
        List<String> when = retry.when().isEmpty() ? List.of("always") : retry.when();
        boolean kind = when.contains("always")
                || a.outcome() == Outcome.SCRIPT_FAILURE && when.contains("script_failure")
                || a.outcome() == Outcome.TIMEOUT
                        && (when.contains("job_execution_timeout") || when.contains("stuck_or_timeout_failure"))
                || a.outcome() == Outcome.SYSTEM_FAILURE
                        && (when.contains("runner_system_failure") || when.contains("unknown_failure"));
        boolean code = retry.exitCodes().isEmpty()
                || a.outcome() == Outcome.SCRIPT_FAILURE && retry.exitCodes().contains(a.exitCode());
        return kind && code;
    }

    private Attempt attempt(int number) {
        CoverageScan coverage = new CoverageScan(job.job().details() instanceof GitlabJob g ? g.coverage() : null);
        JobLog log = new JobLog(listener, ref, masker, coverage);
        Path jobDir = run.runDir().resolve("jobs").resolve(jobId + "-" + number);
        Path projectDir = jobDir.resolve("builds").resolve(run.facts().name());
        Path temp = jobDir.resolve("tmp");
        ProcessGroupRegistry processes = new ProcessGroupRegistry(StopSettings.defaults());
        try {
            String refusal = executorRefusal();
            if (refusal != null) {
                log.line("ERROR: " + refusal);
                return new Attempt(Outcome.SYSTEM_FAILURE, -1, refusal, List.of(), "", null);
            }
            boolean docker = usesDocker(run, job);
            if (!docker) {
                Container image = job.job().container();
                log.line("Using Shell executor..." + (image == null ? "" : " (the image '" + image.image() + "' is ignored)"));
            }
            Files.createDirectories(temp);
            if (GitStrategy.skipsSources(run, job)) {
                log.line("Skipping the project's files (GIT_STRATEGY): the build directory starts empty");
                Files.createDirectories(projectDir);
            } else {
                WorkspaceResult prepared = run.revision() == null
                        ? run.workspaces().fromWorkingTree(run.repository(), projectDir)
                        : run.workspaces().fromRevision(run.repository(), run.revision(), projectDir);
                if (prepared instanceof WorkspaceResult.Failed f) {
                    return systemFailure(log, "cannot prepare the project directory: " + f.message());
                }
            }
            SessionLauncher session = SessionLauncher.detect().orElse(null);
            if (session == null) {
                return systemFailure(log, "cannot start scripts in their own process group: neither setsid nor perl"
                        + " was found on PATH");
            }
            // The fresh copy's files tell untracked ones apart; listing them costs a walk of the whole
            // project (node_modules...), so only jobs that use `untracked` pay for it.
            boolean untracked = job.job().caches().stream().anyMatch(Cache::untracked)
                    || job.job().artifacts() != null && job.job().artifacts().untracked();
            Set<String> initial = untracked ? PathSelection.files(projectDir) : Set.of();
            ArtifactHandling artifactHandling = new ArtifactHandling(artifacts, job, log);
            Map<String, String> dotenv = artifactHandling.download(projectDir);
            JobVariables variables = JobVariables.of(run, job, projectDir, temp, jobId, dotenv);
            variables.problems().forEach(log::warning);
            CacheHandling caches = new CacheHandling(run.cache(), job.job().caches(), log);
            caches.restore(projectDir, variables.asVariables());

            // A job starts one to three processes: nothing to gain from making files ahead.
            ProcessLauncher launcher = new ProcessLauncher(session, processes, StopSettings.defaults(),
                    new ScratchFiles(temp, 0));
            if (docker) {
                try {
                    containers = GitlabContainers.start(run.containers().runtime(), run.containers().pullPolicy(),
                            Long.toString(run.pipelineId()),
                            job.key(), job.job().container(), job.job().services(), variables.values(),
                            List.of(projectDir, temp), log::line);
                } catch (dev.gantry.runner.container.ContainerException e) {
                    // Offline, a missing image is the usual cause; the shell executor is the way on.
                    return systemFailure(log, e.getMessage() + " (or run the job on this machine with"
                            + " --executor shell, which ignores image and services as GitLab Runner's shell executor does)");
                }
            }
            Duration timeout = job.job().timeout() != null ? job.job().timeout() : DEFAULT_TIMEOUT;
            Map<String, String> env = environment(variables);
            List<StepResult> steps = new ArrayList<>();
            ProcessResult script = section(log, launcher, steps, 0, "script", "step_script", projectDir, temp, env,
                    timeout);
            Outcome outcome = cancelled || script.cancelled() ? Outcome.CANCELED
                    : script.timedOut() ? Outcome.TIMEOUT
                    : script.startFailure().isPresent() ? Outcome.SYSTEM_FAILURE
                    : script.succeeded() ? Outcome.SUCCESS : Outcome.SCRIPT_FAILURE;
            String reason = switch (outcome) {
                case SUCCESS -> null;
                case CANCELED -> "the job was canceled";
                case TIMEOUT -> "the job exceeded its timeout of " + human(timeout);
                case SYSTEM_FAILURE -> "the script could not start: " + script.startFailure().orElse("");
                case SCRIPT_FAILURE -> "exit code " + script.exitCode();
            };
            if (step("after_script") != null) {
                Map<String, String> afterEnv = new LinkedHashMap<>(env);
                afterEnv.put("CI_JOB_STATUS", switch (outcome) {
                    case SUCCESS -> "success";
                    case CANCELED -> "canceled";
                    default -> "failed";
                });
                log.line("Running after_script");
                ProcessResult after = section(log, launcher, steps, 1, "after_script", "after_script", projectDir,
                        temp, afterEnv, AFTER_SCRIPT_TIMEOUT);
                if (!after.succeeded()) {
                    log.warning("after_script failed, but the job continues unaffected: "
                            + (after.timedOut() ? "timed out" : "exit code " + after.exitCode()));
                }
            }
            boolean succeeded = outcome == Outcome.SUCCESS;
            caches.save(projectDir, variables.asVariables(), succeeded, initial);
            String summary = artifactHandling.upload(projectDir, succeeded, initial, variables.asVariables()).summary();
            log.line(succeeded ? "Job succeeded" : "ERROR: Job failed: " + reason);
            return new Attempt(outcome, script.exitCode(), reason, steps, summary, coverage.coverage());
        } catch (IOException e) {
            return systemFailure(log, "the job's files could not be written: " + e.getMessage());
        } finally {
            processes.killAll();
            if (containers != null) {
                containers.close();
                containers = null;
            }
        }
    }

    private static Attempt systemFailure(JobLog log, String message) {
        log.line("ERROR: " + message);
        return new Attempt(Outcome.SYSTEM_FAILURE, -1, message, List.of(), "", null);
    }

    /**
     * Whether the job runs under the Docker executor: always with {@code --executor docker}, never
     * with {@code --executor shell}, and by default when it names an image or services.
     */
    static boolean usesDocker(GitlabRun run, GitlabPlannedJob job) {
        return switch (run.executor()) {
            case DOCKER -> true;
            case SHELL -> false;
            case AUTO -> job.job().container() != null || !job.job().services().isEmpty();
        };
    }

    /** Why this job cannot run with the chosen executor, or null. */
    private String executorRefusal() {
        List<Container> services = job.job().services();
        if (run.executor() == Executor.SHELL && !services.isEmpty()) {
            return "the services (" + GitlabContainers.images(services) + ") need the Docker executor; run without"
                    + " --executor shell";
        }
        if (usesDocker(run, job) && job.job().container() == null) {
            return "the Docker executor needs an image: set 'image:' on the job or under 'default:'";
        }
        return null;
    }

    /** This machine's environment, {@code --env}, then every CI/CD variable. */
    private Map<String, String> environment(JobVariables variables) {
        Map<String, String> env = new LinkedHashMap<>(run.hostEnv());
        env.putAll(run.extraEnv());
        env.putAll(variables.values());
        return env;
    }

    /** Runs one script section in a new bash process and reports it as a step. */
    private ProcessResult section(JobLog log, ProcessLauncher launcher, List<StepResult> steps, int index, String stepId,
                                  String name, Path projectDir, Path temp, Map<String, String> env, Duration limit)
            throws IOException {
        StepRef stepRef = new StepRef(index, stepId, name);
        listener.stepStarted(ref, stepRef);
        Path file = temp.resolve(name + ".sh");
        List<StepAction.ScriptLine> lines = step(stepId).action() instanceof StepAction.Script s ? s.lines() : List.of();
        Files.writeString(file, BashScript.render(lines, run.colour()), StandardCharsets.UTF_8);
        ProcessResult result = containers != null
                ? inContainer(log, file, projectDir, env, limit, stepId)
                : onHost(log, launcher, file, projectDir, env, limit, stepId);
        result.startFailure().ifPresent(f -> log.line("ERROR: " + f));
        String outcome = result.succeeded() ? "success" : result.cancelled() ? "cancelled" : "failure";
        StepResult step = new StepResult(stepRef, outcome, outcome, result.exitCode(), result.duration(), Map.of());
        steps.add(step);
        listener.stepFinished(ref, step);
        return result;
    }

    private ProcessResult onHost(JobLog log, ProcessLauncher launcher, Path file, Path projectDir,
                                 Map<String, String> env, Duration limit, String stepId) {
        StepProcess process = launcher.start(ProcessSpec.of(BashScript.argv(file), projectDir, env, limit));
        currentStop = process::cancel;
        if (cancelled && stepId.equals("script")) {
            process.cancel();
        }
        ProcessResult result = process.await((stream, line) -> log.line(line));
        currentStop = null;
        return result;
    }

    /** A section in the job's container; only the CI/CD variables and --env go in, not this machine's environment. */
    private ProcessResult inContainer(JobLog log, Path file, Path projectDir, Map<String, String> env, Duration limit,
                                      String stepId) {
        Map<String, String> inside = new LinkedHashMap<>(env);
        run.hostEnv().keySet().forEach(k -> {
            if (!run.extraEnv().containsKey(k) && inside.get(k) != null && inside.get(k).equals(run.hostEnv().get(k))) {
                inside.remove(k);
            }
        });
        List<String> argv = containers.shell().equals("bash")
                ? List.of("bash", "--noprofile", "--norc", file.toString()) : List.of("sh", file.toString());
        dev.gantry.runner.container.ContainerExec exec = run.containers().runtime().exec(containers.build(),
                dev.gantry.runner.container.ExecSpec.of(argv.toArray(String[]::new)).withEnv(inside)
                        .withWorkingDir(projectDir.toString()).withTimeout(limit));
        currentStop = exec::cancel;
        if (cancelled && stepId.equals("script")) {
            exec.cancel();
        }
        dev.gantry.runner.container.ExecResult r = exec.await((stream, line) -> log.line(line));
        currentStop = null;
        return new ProcessResult(r.exitCode(), r.timedOut(), r.cancelled(), r.duration(), r.startFailure());
    }

    private Step step(String id) {
        return job.job().steps().stream().filter(s -> id.equals(s.id())).findFirst().orElse(null);
    }

    /** {@code 1h}, {@code 30m}, {@code 1h 30m}, {@code 45s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        List<String> parts = new ArrayList<>();
        if (s >= 3600) {
            parts.add(s / 3600 + "h");
        }
        if (s % 3600 >= 60) {
            parts.add(s % 3600 / 60 + "m");
        }
        if (s % 60 > 0 || parts.isEmpty()) {
            parts.add(s % 60 + "s");
        }
        return String.join(" ", parts);
    }
}

package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.NioWorkspaceFiles;
import dev.gantry.expr.github.StatusCheck;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.GithubJob;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.model.Variable;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.actions.docker.DockerActionSpec;
import dev.gantry.runner.actions.docker.DockerActionStage;
import dev.gantry.runner.files.ScratchFiles;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.process.ProcessGroupRegistry;
import dev.gantry.runner.process.ProcessLauncher;
import dev.gantry.runner.process.ProcessResult;
import dev.gantry.runner.process.ProcessSpec;
import dev.gantry.runner.process.ProcessTracking;
import dev.gantry.runner.process.SessionLauncher;
import dev.gantry.runner.process.StepProcess;
import dev.gantry.runner.process.StopSettings;
import dev.gantry.runner.report.Annotation;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one GitHub job (one matrix leg) on this machine, as the hosted runner would
 * ("Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.steps"): a workspace of its own, steps in
 * order with their {@code if:} evaluated against the job's status so far, environment layered
 * workflow &lt; job &lt; GITHUB_ENV &lt; step, fresh file-command files for every step, workflow commands,
 * masking, step and job timeouts, continue-on-error, and job outputs.
 *
 * <p>One instance runs one job once, on the thread that calls {@link #run()}; {@link #cancel()} may
 * be called from any other thread. Every process the job started is killed when it ends.
 */
public final class GithubJobRunner {

    /** GitHub's default job timeout ("jobs.&lt;job_id&gt;.timeout-minutes"): 360 minutes. */
    static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(360);

    private final GithubRun run;
    private final PlannedJob job;
    private final RunListener listener;
    private final Interpolator interpolator = new Interpolator();
    private final SecretMasker masker = new SecretMasker();
    private final List<Annotation> annotations = new ArrayList<>();
    /** Guards {@link #cancelled} and {@link #currentStop}, so a cancel never misses a step that is starting. */
    private final Object cancelLock = new Object();
    private volatile boolean cancelled;
    /** Cancels the step that runs now, on the host or in the job container; null between steps. */
    private Runnable currentStop;
    /** The job's {@code uses:} steps with their pre and post steps; set when the steps start. */
    private ActionSteps actions;

    public GithubJobRunner(GithubRun run, PlannedJob job, RunListener listener) {
        this.run = run;
        this.job = job;
        this.listener = listener;
        run.secrets().values().forEach(masker::add);
    }

    /** Stops the running step; later steps see {@code cancelled()}. Safe from any thread. */
    public void cancel() {
        synchronized (cancelLock) {
            cancelled = true;
            if (currentStop != null) {
                currentStop.run();
            }
        }
    }

    /** The annotations the job's steps made, masked. */
    public List<Annotation> annotations() {
        return annotations;
    }

    /** Runs the job to its end and reports its result; never throws for a failing job. */
    public JobResult run() {
        Instant started = Instant.now();
        JobRef ref = new JobRef(job.key(), job.displayName(), null);
        Path jobDir = run.runDir().resolve("jobs").resolve(Integer.toString(Math.abs(job.key().hashCode())) + "-"
                + job.job().id());
        ProcessGroupRegistry processes = new ProcessGroupRegistry(StopSettings.defaults());
        JobState state = null;
        boolean announced = false;
        try {
            state = prepare(jobDir, processes);
            ref = new JobRef(job.key(), masker.mask(state.displayName), null);
            // Announced before the containers start, so that their lines come after "job started".
            listener.jobStarted(ref);
            announced = true;
            startContainers(ref, state);
            return runSteps(ref, state, started);
        } catch (JobSetupFailure e) {
            if (!announced) {
                listener.jobStarted(ref);
            }
            listener.line(ref, "Error: " + masker.mask(e.getMessage()));
            return finish(ref, JobStatus.FAILURE, e.getMessage(), started, Map.of(), List.of(), "");
        } finally {
            processes.killAll();
            if (state != null) {
                // "Complete job: Cleaning up orphan processes": what left the steps' process groups.
                state.tracking.stopOrphans(StopSettings.defaults());
                state.scratch.close();
                if (state.containers != null) {
                    state.containers.close();
                }
            }
        }
    }

    private JobResult runSteps(JobRef ref, JobState state, Instant started) {
        String jobStatus = "success";
        String reason = null;
        Instant deadline = started.plus(state.timeout);
        List<StepResult> results = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        List<Step> steps = job.job().steps();
        actions = new ActionSteps(run, state, job.job().id(), ref, listener, masker, interpolator, annotations::add,
                host(ref, state, deadline, summary), steps.size());
        jobStatus = actions.runPres(steps, results);
        List<String> actionNames = StepActionNames.of(steps);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            state.startStep(actionNames.get(i));
            boolean timedOutJob = !Instant.now().isBefore(deadline);
            if (timedOutJob && reason == null) {
                cancelled = true;
                reason = "the job exceeded its timeout of " + shown(state.timeout);
            }
            String status = cancelled ? "cancelled" : jobStatus;
            EvalContext context = state.context(status, results, step, i);
            StepResult result = runStep(ref, state, step, i, context, status, deadline, summary);
            results.add(result);
            if (result.conclusion().equals("failure")) {
                jobStatus = "failure";
                if (reason == null && result.exitCode() == StepRunResult.TIMED_OUT_JOB) {
                    reason = "the job exceeded its timeout of " + shown(state.timeout);
                }
            }
        }
        jobStatus = actions.runPosts(jobStatus, results);
        Map<String, String> outputs = jobOutputs(ref, state, results);
        JobStatus status = cancelled && reason == null ? JobStatus.CANCELLED
                : jobStatus.equals("failure") || reason != null ? JobStatus.FAILURE : JobStatus.SUCCESS;
        if (status == JobStatus.FAILURE && isContinueOnError(state)) {
            status = JobStatus.ALLOWED_FAILURE;
        }
        return finish(ref, status, reason, started, outputs, results, summary.toString());
    }

    private StepResult runStep(JobRef ref, JobState state, Step step, int index, EvalContext context,
                               String jobStatus, Instant deadline, StringBuilder summary) {
        String where = stepWhere(new StepRef(index, step.id(), null));
        EvalContext withEnv;
        try {
            withEnv = withStepEnv(state, step, context, where);
        } catch (ExpressionFailure e) {
            return failedAtStart(ref, state, new StepRef(index, step.id(),
                    masker.mask(StepDisplayName.of(step, context, interpolator))), e);
        }
        StepRef stepRef = new StepRef(index, step.id(), masker.mask(StepDisplayName.of(step, withEnv, interpolator)));
        boolean runs;
        try {
            runs = step.condition() == null
                    ? !jobStatus.equals("failure") && !jobStatus.equals("cancelled")
                    : interpolator.condition(step.condition(), withEnv, stepWhere(stepRef) + ".if");
        } catch (ExpressionFailure e) {
            return failedAtStart(ref, state, stepRef, e);
        }
        if (!runs) {
            StepResult skipped = record(ref, state, stepRef, "skipped", "skipped", -1, Duration.ZERO, Map.of());
            return skipped;
        }
        listener.stepStarted(ref, stepRef);
        Step decided = step;
        if (step.timeoutExpression() != null) {
            try {
                decided = step.withTimeout(interpolator.minutes(step.timeoutExpression(), withEnv,
                        stepWhere(stepRef) + ".timeout-minutes"));
            } catch (ExpressionFailure e) {
                listener.line(ref, "Error: " + masker.mask(e.getMessage()));
                return record(ref, state, stepRef, "failure", "failure", -1, Duration.ZERO, Map.of());
            }
        }
        StepRunResult r = execute(ref, state, decided, stepRef, context, jobStatus, deadline, summary);
        String outcome = r.success() ? "success" : r.cancelled() ? "cancelled" : "failure";
        boolean tolerated = false;
        if (outcome.equals("failure")) {
            try {
                tolerated = allowed(step.continueOnError(), withEnv, stepWhere(stepRef) + ".continue-on-error");
            } catch (ExpressionFailure e) {
                listener.line(ref, "Error: " + masker.mask(e.getMessage()));
            }
        }
        String conclusion = tolerated ? "success" : outcome;
        return record(ref, state, stepRef, outcome, conclusion, r.exitCode(), r.duration(), r.outputs());
    }

    private StepResult failedAtStart(JobRef ref, JobState state, StepRef stepRef, ExpressionFailure e) {
        listener.stepStarted(ref, stepRef);
        listener.line(ref, "Error: " + masker.mask(e.getMessage()));
        return record(ref, state, stepRef, "failure", "failure", -1, Duration.ZERO, Map.of());
    }

    /**
     * The step's contexts with its own {@code env:} in the env context, for its display name,
     * {@code if:}, {@code timeout-minutes} and {@code continue-on-error}. The runner evaluates a
     * step's env before all of these, so they see it ("Contexts reference#env context": the
     * variables set in a workflow, job or step; "Context availability" lists {@code env} for each of
     * those keys); an error in it fails the step even when the condition would skip it.
     */
    private static EvalContext withStepEnv(JobState state, Step step, EvalContext context, String where)
            throws ExpressionFailure {
        if (step.env().isEmpty()) {
            return context;
        }
        Map<String, String> env = state.jobLevelEnv();
        env.putAll(state.stepEnvValues(step, context, where));
        return context.with(dev.gantry.expr.github.ContextName.ENV, env);
    }

    private StepResult record(JobRef ref, JobState state, StepRef stepRef, String outcome, String conclusion,
                              int exitCode, Duration duration, Map<String, String> outputs) {
        Map<String, String> masked = new LinkedHashMap<>();
        outputs.forEach((k, v) -> masked.put(k, masker.mask(v)));
        // Masks added by the step itself apply to everything printed after it, its name included.
        StepRef shown = new StepRef(stepRef.index(), stepRef.id(), masker.mask(stepRef.name()));
        StepResult result = new StepResult(shown, outcome, conclusion, exitCode, duration, masked);
        if (stepRef.id() != null) {
            state.steps.put(stepRef.id(), Map.of("outputs", new LinkedHashMap<>(outputs), "outcome", outcome,
                    "conclusion", conclusion));
        }
        listener.stepFinished(ref, result);
        return result;
    }

    private StepRunResult execute(JobRef ref, JobState state, Step step, StepRef stepRef, EvalContext context,
                                  String jobStatus, Instant deadline, StringBuilder summary) {
        long t0 = System.nanoTime();
        try {
            return switch (step.action()) {
                case StepAction.Run r -> runScript(ref, state, step, r, stepRef, context, deadline, summary);
                case StepAction.Uses u -> actions.run(step, u, stepRef, context, jobStatus);
                case StepAction.Script s -> {
                    listener.line(ref, "Error: a GitLab script step cannot run in a GitHub job");
                    yield StepRunResult.failed(Duration.ofNanos(System.nanoTime() - t0));
                }
            };
        } catch (ExpressionFailure e) {
            listener.line(ref, "Error: " + masker.mask(e.getMessage()));
            return StepRunResult.failed(Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            listener.line(ref, "Error: " + masker.mask("the step's files could not be written: " + e.getMessage()));
            return StepRunResult.failed(Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** A stage of a Docker container action: run by {@link ContainerStep}, its end reported as a run step's. */
    private StepRunResult containerStep(JobRef ref, JobState state, Step step, DockerActionSpec spec,
                                        DockerActionStage stage, Map<String, String> stepEnv, StepRef stepRef,
                                        EvalContext context, Instant deadline, StringBuilder summary)
            throws IOException {
        boolean cancelledAtStart = jobStatus(context).equals("cancelled");
        ContainerStep.Ran r = new ContainerStep(run, job, ref, listener, masker)
                .run(state, step, spec, stage, stepEnv, stepRef, deadline, stop -> track(stop, cancelledAtStart));
        dev.gantry.runner.container.ExecResult e = r.result();
        return finishScript(ref, state, r.output(), r.files(), summary, r.jobLimit(), step,
                new Ended(e.exitCode(), e.timedOut(), e.cancelled(), e.duration(), e.startFailure(), e.succeeded()));
    }

    private StepRunResult runScript(JobRef ref, JobState state, Step step, StepAction.Run action, StepRef stepRef,
                                    EvalContext context, Instant deadline, StringBuilder summary)
            throws ExpressionFailure, IOException {
        boolean cancelledAtStart = jobStatus(context).equals("cancelled");
        String where = stepWhere(stepRef);
        Map<String, String> stepEnv = state.stepEnvValues(step, context, where);
        Map<String, String> envContext = state.jobLevelEnv();
        envContext.putAll(stepEnv);
        context = context.with(dev.gantry.expr.github.ContextName.ENV, envContext);
        String script = interpolator.string(action.script(), context, where + ".run");
        Map<String, String> env = state.processEnv(stepEnv);
        String shellName = step.shell() != null ? interpolator.string(step.shell(), context, where + ".shell")
                : state.defaultShell;
        String workingDir = step.workingDirectory() != null
                ? interpolator.string(step.workingDirectory(), context, where + ".working-directory")
                : state.defaultWorkingDirectory;
        Path cwd = workingDir == null ? state.workspace : state.workspace.resolve(workingDir).normalize();

        StepFiles files = StepFiles.create(state.temp);
        env.putAll(files.variables());
        // Named once the shell (and so the file's extension) is known; a placeholder until then.
        Path scriptFile = state.temp.resolve("step");
        ShellCommand shell;
        try {
            boolean inContainer = state.containers != null && state.containers.jobContainer().isPresent();
            String searchPath = !inContainer ? env.get("PATH")
                    : state.containers.jobContainerHasBash() ? "/bin:/usr/bin" : "";
            shell = ShellCommand.resolve(shellName, scriptFile, inContainer && state.containers.jobContainerHasBash()
                    ? null : searchPath, inContainer && state.containers.jobContainerHasBash());
        } catch (ShellCommand.ShellException e) {
            listener.line(ref, "Error: " + e.getMessage());
            return StepRunResult.failed(Duration.ZERO);
        }
        Path file = state.scratch.createNumbered("step-", shell.extension());
        // Written into the new empty file without truncating it: ext4 flushes a file truncated to
        // zero when it is closed (its auto_da_alloc), which made writing the script cost 0.25 ms.
        Files.write(file, script.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
        List<String> argv = shell.argv().stream().map(a -> a.replace(scriptFile.toString(), file.toString())).toList();
        if (!Files.isDirectory(cwd)) {
            listener.line(ref, "Error: the working directory '" + workingDir + "' does not exist in the workspace");
            return StepRunResult.failed(Duration.ZERO);
        }

        Duration remaining = Duration.between(Instant.now(), deadline);
        Duration limit = step.timeout() == null || step.timeout().compareTo(remaining) > 0 ? remaining : step.timeout();
        boolean jobLimit = step.timeout() == null || step.timeout().compareTo(remaining) > 0;
        StepOutput output = new StepOutput(ref, listener, masker, run.verbose(),
                "true".equalsIgnoreCase(env.get("ACTIONS_ALLOW_UNSECURE_COMMANDS")));
        Duration stepLimit = limit.isNegative() ? Duration.ZERO : limit;
        if (state.containers != null && state.containers.jobContainer().isPresent()) {
            return execInContainer(ref, state, argv, cwd, containerEnv(state, stepEnv, files), stepLimit, output,
                    files, summary, jobLimit, step, cancelledAtStart);
        }
        StepProcess process = state.launcher.start(ProcessSpec.of(argv, cwd, env, stepLimit));
        track(process::cancel, cancelledAtStart);
        ProcessResult r = process.await(output);
        track(null, cancelledAtStart);
        return finishScript(ref, state, output, files, summary, jobLimit, step, new Ended(r.exitCode(), r.timedOut(),
                r.cancelled(), r.duration(), r.startFailure(), r.succeeded()));
    }

    /** What action steps borrow from this job: its script machinery, its step reports, its cancel flag. */
    private StepHost host(JobRef ref, JobState state, Instant deadline, StringBuilder summary) {
        return new StepHost() {
            @Override
            public StepRunResult runScript(Step step, StepAction.Run action, StepRef stepRef, EvalContext context)
                    throws ExpressionFailure, IOException {
                return GithubJobRunner.this.runScript(ref, state, step, action, stepRef, context, deadline, summary);
            }

            @Override
            public StepRunResult runContainer(Step step, DockerActionSpec spec, DockerActionStage stage,
                                              Map<String, String> stepEnv, StepRef stepRef, EvalContext context)
                    throws IOException {
                return containerStep(ref, state, step, spec, stage, stepEnv, stepRef, context, deadline, summary);
            }

            @Override
            public StepResult record(StepRef stepRef, String outcome, int exitCode, Duration duration) {
                return GithubJobRunner.this.record(ref, state, stepRef, outcome, outcome, exitCode, duration, Map.of());
            }

            @Override
            public boolean allowed(AllowFailure continueOnError, EvalContext context, String where)
                    throws ExpressionFailure {
                return GithubJobRunner.this.allowed(continueOnError, context, where);
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
    }

    /**
     * Makes {@code stop} the way to cancel the running step (null when none runs). A cancel that
     * came after this step was decided (while it was starting) stops it at once; a step that was
     * started because of the cancel (if: always()) runs on.
     */
    private void track(Runnable stop, boolean cancelledAtStart) {
        synchronized (cancelLock) {
            currentStop = stop;
            if (stop != null && cancelled && !cancelledAtStart) {
                stop.run();
            }
        }
    }

    /** How a step's command ended, on the host or in the job container. */
    private record Ended(int exitCode, boolean timedOut, boolean cancelled, Duration duration,
                         java.util.Optional<String> startFailure, boolean succeeded) {
    }

    /** Reports how the command ended and applies what the step wrote to its files. */
    private StepRunResult finishScript(JobRef ref, JobState state, StepOutput output, StepFiles files,
                                       StringBuilder summary, boolean jobLimit, Step step, Ended result) {
        annotations.addAll(output.annotations());
        result.startFailure().ifPresent(f -> listener.line(ref, "Error: " + f));
        if (result.timedOut()) {
            listener.line(ref, jobLimit ? "Error: the job exceeded its timeout; the step was stopped"
                    : "Error: the step exceeded its timeout of " + shown(step.timeout()));
        } else if (!result.succeeded() && !result.cancelled() && result.startFailure().isEmpty()) {
            listener.line(ref, "Error: Process completed with exit code " + result.exitCode() + ".");
        }
        Map<String, String> outputs = files.apply(state, output, this::report);
        summary.append(files.summary());
        boolean success = result.succeeded() && output.refusal() == null;
        int exit = result.timedOut() && jobLimit ? StepRunResult.TIMED_OUT_JOB : result.exitCode();
        return new StepRunResult(success, exit, result.duration(), outputs, result.cancelled());
    }

    /**
     * Runs a step's command inside the job container ("Running jobs in a container"): the
     * environment is the defaults and the workflow's layers, not this machine's.
     */
    private StepRunResult execInContainer(JobRef ref, JobState state, List<String> argv, Path cwd,
                                          Map<String, String> env, Duration limit, StepOutput output, StepFiles files,
                                          StringBuilder summary, boolean jobLimit, Step step, boolean cancelledAtStart) {
        dev.gantry.runner.container.ContainerExec exec = run.containers().runtime().exec(
                state.containers.jobContainer().orElseThrow(),
                dev.gantry.runner.container.ExecSpec.of(argv.toArray(String[]::new)).withEnv(env)
                        .withWorkingDir(cwd.toString()).withTimeout(limit));
        track(exec::cancel, cancelledAtStart);
        dev.gantry.runner.container.ExecResult r = exec.await((stream, line) ->
                output.line(stream == dev.gantry.runner.container.ExecStream.STDERR
                        ? dev.gantry.runner.process.StreamKind.STDERR : dev.gantry.runner.process.StreamKind.STDOUT, line));
        track(null, cancelledAtStart);
        return finishScript(ref, state, output, files, summary, jobLimit, step, new Ended(r.exitCode(), r.timedOut(),
                r.cancelled(), r.duration(), r.startFailure(), r.succeeded()));
    }

    /** The environment of a step in the job container: defaults, --env, the workflow's layers and the step files. */
    private Map<String, String> containerEnv(JobState state, Map<String, String> stepEnv, StepFiles files) {
        Map<String, String> env = new LinkedHashMap<>(state.defaults);
        env.putAll(run.extraEnv());
        env.putAll(state.jobLevelEnv());
        env.putAll(stepEnv);
        env.putAll(files.variables());
        if (!state.path.isEmpty()) {
            env.put("PATH", String.join(":", state.path) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        return env;
    }

    /** A timeout as the user wrote it: whole minutes, else seconds ({@code timeout-minutes: 0.5}). */
    private static String shown(Duration timeout) {
        return timeout.toSecondsPart() == 0 && timeout.toMillisPart() == 0 ? timeout.toMinutes() + " minutes"
                : String.format(java.util.Locale.ROOT, "%.1f seconds", timeout.toMillis() / 1000.0);
    }

    /** The job status the step's contexts were built with ({@code job.status}). */
    private static String jobStatus(EvalContext context) {
        return context.context(dev.gantry.expr.github.ContextName.JOB) instanceof Map<?, ?> job
                && job.get("status") instanceof String s ? s : "success";
    }

    private void report(Diagnostic d) {
        listener.line(new JobRef(job.key(), job.displayName(), null), "Warning: " + masker.mask(d.message()));
    }

    private boolean allowed(AllowFailure continueOnError, EvalContext context, String where) throws ExpressionFailure {
        if (continueOnError == null) {
            return false;
        }
        if (continueOnError.expression() != null) {
            Object value = interpolator.value(continueOnError.expression(), context, where);
            return dev.gantry.expr.github.Values.isTruthy(value) && !"false".equals(value);
        }
        return continueOnError.allowed();
    }

    private boolean isContinueOnError(JobState state) {
        try {
            return allowed(job.job().allowFailure(), state.context("failure", List.of(), null, -1),
                    "jobs." + job.job().id() + ".continue-on-error");
        } catch (ExpressionFailure e) {
            return false;
        }
    }

    /**
     * The job's {@code outputs}. An output whose value holds a secret or a masked value is left
     * out with a warning, as the runner does ("Passing information between jobs": outputs
     * containing secrets are redacted on the runner and not sent to GitHub Actions), so a job that
     * needs it reads an empty string.
     */
    private Map<String, String> jobOutputs(JobRef ref, JobState state, List<StepResult> results) {
        Map<String, String> outputs = new LinkedHashMap<>();
        EvalContext context = state.context("success", results, null, -1);
        for (Map.Entry<String, String> e : job.job().outputs().entrySet()) {
            try {
                String value = interpolator.string(e.getValue(), context, "jobs." + job.job().id() + ".outputs." + e.getKey());
                if (value != null && !masker.mask(value).equals(value)) {
                    listener.line(ref, "Warning: Skip output '" + e.getKey() + "' since it may contain secret.");
                    continue;
                }
                outputs.put(e.getKey(), value == null ? "" : value);
            } catch (ExpressionFailure failure) {
                listener.line(ref, "Warning: " + masker.mask(failure.getMessage()));
            }
        }
        return outputs;
    }

    private JobResult finish(JobRef ref, JobStatus status, String reason, Instant started,
                             Map<String, String> outputs, List<StepResult> steps, String summary) {
        run.outputs().record(job.job().id(), outputs);
        Map<String, String> masked = new LinkedHashMap<>();
        outputs.forEach((k, v) -> masked.put(k, masker.mask(v)));
        JobResult result = new JobResult(ref, status, reason, Duration.between(started, Instant.now()), masked, steps,
                masker.mask(summary), null);
        listener.jobFinished(result);
        return result;
    }

    private String stepWhere(StepRef step) {
        return "jobs." + job.job().id() + ".steps[" + step.index() + "]";
    }

    // ---- setup ----

    private JobState prepare(Path jobDir, ProcessGroupRegistry processes) throws JobSetupFailure {
        Path workspace = jobDir.resolve("workspace");
        Path temp = jobDir.resolve("temp");
        try {
            Files.createDirectories(temp);
            Files.createDirectories(run.toolCache());
        } catch (IOException e) {
            throw new JobSetupFailure("cannot create the job's folders under " + jobDir + ": " + e.getMessage());
        }
        WorkspaceResult prepared = run.revision() == null
                ? run.workspaces().fromWorkingTree(run.repository(), workspace)
                : run.workspaces().fromRevision(run.repository(), run.revision(), workspace);
        if (prepared instanceof WorkspaceResult.Failed f) {
            throw new JobSetupFailure("cannot prepare the workspace: " + f.message());
        }
        SessionLauncher session = SessionLauncher.detect().orElseThrow(() -> new JobSetupFailure(
                "cannot start steps in their own process group: neither setsid nor perl was found on PATH"));
        // Each run step asks for two files: its script and its output.
        ScratchFiles scratch = new ScratchFiles(temp, 2 * job.job().steps().size());
        ProcessLauncher launcher = new ProcessLauncher(session, processes, StopSettings.defaults(), scratch);
        Path eventPath = run.runDir().resolve("event.json");
        JobState state = new JobState(run, interpolator, workspace, temp, scratch, launcher,
                ProcessTracking.start("gantry_" + run.runId() + "_" + Integer.toHexString(job.key().hashCode())));
        state.base = EvalContext.of(Map.of(
                        "github", Contexts.github(run, job.job().id(), workspace, eventPath),
                        "runner", Contexts.runner(temp, run.toolCache(), run.verbose()),
                        "strategy", Contexts.strategy(job),
                        "needs", Contexts.needs(job, run.outputs()),
                        "vars", run.vars(),
                        "secrets", run.secrets(),
                        "inputs", run.inputs()))
                .with(dev.gantry.expr.github.ContextName.MATRIX, Contexts.matrix(job))
                .withWorkspace(new NioWorkspaceFiles(workspace));
        state.defaults = DefaultVariables.of(run.facts(), new DefaultVariables.RunIdentity(run.workflowName(),
                run.workflowFile(), job.job().id(), run.runId(), run.runId(), run.eventName(),
                Contexts.baseRef(run), Contexts.headRef(run), EventRef.of(run.eventName(), run.event(), run.facts())),
                new DefaultVariables.JobPaths(workspace, temp, run.toolCache(), eventPath), run.verbose());
        state.defaults.putAll(state.tracking.variables());
        try {
            state.workflowEnv = interpolator.env(run.workflow().variables(), state.base, "env");
            state.jobEnv = interpolator.env(job.job().env(), state.base.with(dev.gantry.expr.github.ContextName.ENV,
                    new LinkedHashMap<>(state.workflowEnv)), "jobs." + job.job().id() + ".env");
            state.displayName = job.displayName().contains("${{")
                    ? interpolator.string(job.displayName(), state.base, "jobs." + job.job().id() + ".name")
                    : job.displayName();
        } catch (ExpressionFailure e) {
            throw new JobSetupFailure(e.getMessage());
        }
        GithubWorkflow.RunDefaults workflowDefaults = run.workflow().details() instanceof GithubWorkflow w
                ? w.defaults() : GithubWorkflow.RunDefaults.NONE;
        GithubWorkflow.RunDefaults jobDefaults = job.job().details() instanceof GithubJob g && g.defaults() != null
                ? g.defaults() : GithubWorkflow.RunDefaults.NONE;
        state.defaultShell = jobDefaults.shell() != null ? jobDefaults.shell() : workflowDefaults.shell();
        state.defaultWorkingDirectory = jobDefaults.workingDirectory() != null ? jobDefaults.workingDirectory()
                : workflowDefaults.workingDirectory();
        state.timeout = job.job().timeout() != null ? job.job().timeout() : DEFAULT_JOB_TIMEOUT;
        if (job.job().details() instanceof GithubJob g && g.timeoutExpression() != null) {
            try {
                state.timeout = interpolator.minutes(g.timeoutExpression(), state.base,
                        "jobs." + job.job().id() + ".timeout-minutes");
            } catch (ExpressionFailure e) {
                throw new JobSetupFailure(e.getMessage());
            }
        }
        return state;
    }

    /** Starts the job's container and services, if it has any. */
    private void startContainers(JobRef ref, JobState state) throws JobSetupFailure {
        EvalContext base = state.base;
        JobContainers.Evaluate evaluate = (text, where) -> {
            try {
                return interpolator.string(text, base, "jobs." + job.job().id() + "." + where);
            } catch (ExpressionFailure e) {
                throw new JobSetupFailure(e.getMessage());
            }
        };
        if (JobContainers.needed(job, evaluate)) {
            state.containers = JobContainers.start(run.containers().runtime(), run.containers().pullPolicy(),
                    Long.toString(run.runId()), job,
                    List.of(new JobContainers.SharedFolder(state.workspace),
                            new JobContainers.SharedFolder(state.temp)),
                    evaluate, line -> listener.line(ref, masker.mask(line)));
        }
    }

    /** The job could not start; the message says why. */
    static final class JobSetupFailure extends Exception {
        private static final long serialVersionUID = 1L;

        JobSetupFailure(String message) {
            super(message, null, false, false);
        }
    }
}

package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.StatusCheck;
import dev.gantry.model.Step;
import dev.gantry.runner.files.ScratchFiles;
import dev.gantry.runner.process.ProcessLauncher;
import dev.gantry.runner.process.ProcessTracking;
import dev.gantry.runner.report.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one GitHub job keeps while its steps run: its folders and process launcher, the contexts it
 * started with, the environment layers (workflow, job, then what steps wrote to GITHUB_ENV and
 * GITHUB_PATH), the steps context so far and its containers. Used by the job's
 * own thread only.
 */
final class JobState {
    final Path workspace;
    final Path temp;
    /** The steps' scripts and output files in {@link #temp}. */
    final ScratchFiles scratch;
    final ProcessLauncher launcher;
    /** The job's RUNNER_TRACKING_ID, by which its orphan processes are found at its end. */
    final ProcessTracking tracking;
    EvalContext base;
    Map<String, String> defaults;
    Map<String, String> workflowEnv;
    Map<String, String> jobEnv;
    /** GITHUB_ENV assignments so far. */
    final Map<String, String> fileEnv = new LinkedHashMap<>();
    /** GITHUB_PATH folders so far, latest first. */
    final List<String> path = new ArrayList<>();
    final Map<String, Object> steps = new LinkedHashMap<>();
    JobContainers containers;
    String displayName;
    String defaultShell;
    String defaultWorkingDirectory;
    Duration timeout;

    private final GithubRun run;
    private final Interpolator interpolator;

    JobState(GithubRun run, Interpolator interpolator, Path workspace, Path temp, ScratchFiles scratch,
             ProcessLauncher launcher, ProcessTracking tracking) {
        this.run = run;
        this.interpolator = interpolator;
        this.workspace = workspace;
        this.temp = temp;
        this.scratch = scratch;
        this.launcher = launcher;
        this.tracking = tracking;
    }

    /** The {@code github} context of this job. */
    @SuppressWarnings("unchecked")
    Map<String, Object> github() {
        return (Map<String, Object>) base.context(dev.gantry.expr.github.ContextName.GITHUB);
    }

    /**
     * Names the step that starts now in {@code github.action} and GITHUB_ACTION
     * ({@link StepActionNames}).
     */
    void startStep(String action) {
        Map<String, Object> github = new LinkedHashMap<>(github());
        github.put("action", action);
        base = base.with(dev.gantry.expr.github.ContextName.GITHUB, github);
        defaults.put("GITHUB_ACTION", action);
    }

    /** The env context before a step's own env: workflow, job, then GITHUB_ENV. */
    Map<String, String> jobLevelEnv() {
        Map<String, String> env = new LinkedHashMap<>(workflowEnv);
        env.putAll(jobEnv);
        env.putAll(fileEnv);
        return env;
    }

    /** The contexts for a step (or, with a null step, for the job's outputs). */
    EvalContext context(String jobStatus, List<StepResult> results, Step step, int index) {
        Map<String, Object> jobContext = new LinkedHashMap<>();
        jobContext.put("status", jobStatus);
        jobContext.put("container", containers == null ? Map.of() : containers.containerContext());
        jobContext.put("services", containers == null ? Map.of() : containers.servicesContext());
        return base.with(dev.gantry.expr.github.ContextName.ENV, new LinkedHashMap<>(jobLevelEnv()))
                .with(dev.gantry.expr.github.ContextName.STEPS, new LinkedHashMap<>(steps))
                .with(dev.gantry.expr.github.ContextName.JOB, jobContext)
                .withStatus(StatusCheck.ofJobStatus(jobStatus));
    }

    /** The step's own {@code env:}, evaluated with the job-level contexts. */
    Map<String, String> stepEnvValues(Step step, EvalContext context, String where) throws ExpressionFailure {
        return interpolator.env(step.env(), context, where + ".env");
    }

    /** The process environment of a step: this machine's, the defaults, --env, then the env layers. */
    Map<String, String> processEnv(Map<String, String> stepEnv) {
        Map<String, String> env = new LinkedHashMap<>(run.hostEnv());
        env.putAll(defaults);
        env.putAll(run.extraEnv());
        env.putAll(jobLevelEnv());
        env.putAll(stepEnv);
        if (!path.isEmpty()) {
            String host = env.getOrDefault("PATH", "");
            env.put("PATH", String.join(java.io.File.pathSeparator, path)
                    + (host.isEmpty() ? "" : java.io.File.pathSeparator + host));
        }
        return env;
    }
}

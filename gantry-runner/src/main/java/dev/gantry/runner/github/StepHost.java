package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.runner.actions.docker.DockerActionSpec;
import dev.gantry.runner.actions.docker.DockerActionStage;
import dev.gantry.runner.report.StepRef;
import dev.gantry.runner.report.StepResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * What the job runner lends to the steps of actions ({@link ActionSteps}): its way of running a
 * script step, of reporting a step it did not plan itself, and its cancel flag. Called on the job's
 * thread only.
 */
interface StepHost {

    /**
     * Runs a {@code run:} script exactly as the job runs its own steps: the step's env evaluated
     * with {@code context} and layered over the job's, the shell, fresh environment files (whose
     * GITHUB_ENV and GITHUB_PATH reach later steps), workflow commands and masking of its output,
     * its timeout, and the run's cancel. {@code ref}'s index names the step's file folder.
     */
    StepRunResult runScript(Step step, StepAction.Run action, StepRef ref, EvalContext context)
            throws ExpressionFailure, IOException;

    /**
     * Runs one stage of a Docker container action as a step: a container with the step's
     * environment and files, its lines handled and its end reported as a run step's.
     *
     * @param stepEnv the step's {@code env:}, evaluated
     * @param context the step's context (its job status tells whether a cancel stops it)
     */
    StepRunResult runContainer(Step step, DockerActionSpec spec, DockerActionStage stage, Map<String, String> stepEnv,
                               StepRef ref, EvalContext context) throws IOException;

    /** Reports a pre or post step that ended, as the job's own steps are reported. */
    StepResult record(StepRef ref, String outcome, int exitCode, Duration duration);

    /** A step's {@code continue-on-error}, evaluated. */
    boolean allowed(AllowFailure continueOnError, EvalContext context, String where) throws ExpressionFailure;

    /** Whether the run was cancelled. */
    boolean cancelled();
}

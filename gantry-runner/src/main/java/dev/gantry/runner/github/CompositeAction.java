package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.StatusCheck;
import dev.gantry.github.action.ActionOutput;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.runner.report.StepRef;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a composite action ("Metadata syntax for GitHub Actions#runs for composite actions";
 * "Creating a composite action"): its steps in order, inside the job's step that uses it.
 * <ul>
 *   <li>the contexts are the job's, with {@code inputs} the action's inputs, {@code steps} the
 *       action's own steps (the job's steps are not visible inside, and the action's step ids are
 *       not visible outside), {@code github.action_path} set and {@code secrets} empty;</li>
 *   <li>{@code if:} of an inner step reads the action's own status: {@code success()} until one of
 *       its steps failed; it, the step's name and its {@code continue-on-error} see the step's own
 *       {@code env};</li>
 *   <li>a {@code run} step goes through the job's script machinery (shell, environment files,
 *       workflow commands, masking) with GITHUB_ACTION_PATH and the environment of the step that
 *       uses the action below its own {@code env}; a {@code uses} step runs any action, composite
 *       ones included, through {@link ActionSteps#dispatch};</li>
 *   <li>the action's outputs are its {@code outputs.<id>.value} expressions, evaluated at the end.</li>
 * </ul>
 */
final class CompositeAction {

    private final ActionSteps actions;

    CompositeAction(ActionSteps actions) {
        this.actions = actions;
    }

    StepRunResult run(ActionCall call, LoadedAction action, ActionRuns.Composite runs, Map<String, String> inputs)
            throws ExpressionFailure {
        Interpolator interpolator = actions.interpolator();
        Map<String, String> env = new LinkedHashMap<>(call.env());
        env.putAll(action.variables());
        Map<String, Object> steps = new LinkedHashMap<>();
        EvalContext base = call.context()
                .with(ContextName.INPUTS, new LinkedHashMap<String, Object>(inputs))
                .with(ContextName.SECRETS, Map.of())
                .with(ContextName.GITHUB, action.github(actions.state().github()));
        String status = "success";
        boolean cancelled = false;
        for (int i = 0; i < runs.steps().size(); i++) {
            Step inner = runs.steps().get(i);
            String where = action.ref().text() + " runs.steps[" + i + "]";
            String current = actions.host().cancelled() ? "cancelled" : status;
            EvalContext context = actions.withEnv(base, env).with(ContextName.STEPS, new LinkedHashMap<>(steps))
                    .withStatus(StatusCheck.ofJobStatus(current));
            EvalContext withOwnEnv = withOwnEnv(inner, env, context, where);
            boolean runsStep = inner.condition() == null ? current.equals("success")
                    : interpolator.condition(inner.condition(), withOwnEnv, where + ".if");
            if (!runsStep) {
                record(steps, inner, "skipped", "skipped", Map.of());
                continue;
            }
            actions.line("▸ " + StepDisplayName.of(inner, withOwnEnv, interpolator));
            StepRunResult result = step(call, inner, env, context, where, current);
            String outcome = result.success() ? "success" : result.cancelled() ? "cancelled" : "failure";
            boolean tolerated = outcome.equals("failure")
                    && actions.host().allowed(inner.continueOnError(), withOwnEnv, where + ".continue-on-error");
            String conclusion = tolerated ? "success" : outcome;
            record(steps, inner, outcome, conclusion, result.outputs());
            cancelled |= result.cancelled();
            if (conclusion.equals("failure")) {
                status = "failure";
            }
        }
        EvalContext end = actions.withEnv(base, env).with(ContextName.STEPS, new LinkedHashMap<>(steps));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ActionOutput output : action.metadata().outputs().values()) {
            String value = interpolator.string(output.value(), end, action.ref().text() + " outputs." + output.id());
            outputs.put(output.id(), value == null ? "" : value);
        }
        boolean success = status.equals("success") && !cancelled;
        return new StepRunResult(success, success ? 0 : 1, Duration.ZERO, outputs, cancelled);
    }

    /**
     * {@code context} with the inner step's own {@code env:} added to the env context: the runner
     * evaluates it before the step's name, {@code if:} and {@code continue-on-error}, as for a job's
     * steps ("Metadata syntax for GitHub Actions#runs.steps[*].env": the step's variables, seen by
     * the step's expressions as the env context of a workflow step is).
     */
    private EvalContext withOwnEnv(Step inner, Map<String, String> env, EvalContext context, String where)
            throws ExpressionFailure {
        if (inner.env().isEmpty()) {
            return context;
        }
        Map<String, String> own = new LinkedHashMap<>(env);
        own.putAll(actions.interpolator().env(inner.env(), context, where + ".env"));
        return actions.withEnv(context, own);
    }

    private StepRunResult step(ActionCall call, Step inner, Map<String, String> env, EvalContext context, String where,
                               String status) throws ExpressionFailure {
        return switch (inner.action()) {
            case StepAction.Run script -> {
                try {
                    yield actions.host().runScript(ScriptSteps.inner(inner, env, call.step()), script, call.stepRef(),
                            context);
                } catch (IOException e) {
                    yield actions.failed("the step's files could not be written: " + e.getMessage());
                }
            }
            case StepAction.Uses uses -> {
                Map<String, String> stepEnv = new LinkedHashMap<>(env);
                stepEnv.putAll(actions.interpolator().env(inner.env(), context, where + ".env"));
                yield actions.dispatch(new ActionCall(uses.reference(), uses.with(), stepEnv,
                        actions.withEnv(context, stepEnv), call.stepRef(), call.step(), where, status, call.depth() + 1));
            }
            case StepAction.Script s -> actions.failed("a GitLab script cannot run in a composite action");
        };
    }

    /** Adds an inner step with an id to the action's {@code steps} context. */
    private static void record(Map<String, Object> steps, Step inner, String outcome, String conclusion,
                               Map<String, String> outputs) {
        if (inner.id() != null) {
            steps.put(inner.id(), Map.of("outputs", new LinkedHashMap<>(outputs), "outcome", outcome,
                    "conclusion", conclusion));
        }
    }
}

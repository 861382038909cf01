package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.github.action.ActionInput;
import dev.gantry.github.action.ActionMetadata;
import dev.gantry.github.action.ActionRef;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.report.Annotation;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.StepRef;
import dev.gantry.runner.report.StepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code uses:} steps of one GitHub job ("Workflow syntax for GitHub Actions#jobs.&lt;job_id&gt;.steps[*].uses"):
 * decides what a reference names and runs it.
 * <ul>
 *   <li>a built-in action when gantry carries one under that name (any ref; an empty registry,
 *       {@code --no-builtin-actions}, sends every name to its repository);</li>
 *   <li>{@code ./path}: an action in the workspace; {@code owner/repo[/path]@ref}: an action in a
 *       repository ({@link ActionLoader}); by its {@code runs.using}, a composite action
 *       ({@link CompositeAction}), a JavaScript action ({@link NodeAction}) or a Docker container
 *       action ({@link DockerAction});</li>
 *   <li>{@code docker://image}: a Docker container action too.</li>
 * </ul>
 * It also keeps the job's pre and post steps: JavaScript actions' {@code pre} run before the job's
 * first step ({@link #runPres}), and the posts of built-in and JavaScript actions after its last,
 * in reverse order ({@link #runPosts}).
 *
 * <p>One instance per job, used on the job's thread only.
 */
final class ActionSteps {

    /** How deep composite actions may nest; deeper is taken for an action that uses itself. */
    static final int MAX_DEPTH = 10;

    private final GithubRun run;
    private final JobState state;
    private final String jobId;
    private final JobRef jobRef;
    private final RunListener listener;
    private final SecretMasker masker;
    private final Interpolator interpolator;
    private final Consumer<Annotation> annotations;
    private final StepHost host;
    private final ActionLoader loader;
    private final CompositeAction composites = new CompositeAction(this);
    private final NodeAction nodes = new NodeAction(this);
    private final DockerAction dockers = new DockerAction(this);
    private final List<PendingPost> posts = new ArrayList<>();
    /** State saved by pre steps, by the index of the job's step they belong to. */
    private final Map<Integer, Map<String, String>> preStates = new HashMap<>();
    /** Indexes for steps the job did not plan itself (pre, post), after the planned ones. */
    private int nextIndex;

    /**
     * @param stepCount the number of the job's steps; pre and post steps are numbered after them
     */
    ActionSteps(GithubRun run, JobState state, String jobId, JobRef jobRef, RunListener listener, SecretMasker masker,
                Interpolator interpolator, Consumer<Annotation> annotations, StepHost host, int stepCount) {
        this.run = run;
        this.state = state;
        this.jobId = jobId;
        this.jobRef = jobRef;
        this.listener = listener;
        this.masker = masker;
        this.interpolator = interpolator;
        this.annotations = annotations;
        this.host = host;
        this.loader = new ActionLoader(state.workspace, run.repositories(), new SelfRepository(run.repository(),
                run.revision(), run.workspaces(), state.temp.resolve("self-repository")));
        this.nextIndex = stepCount;
    }

    /** Runs a job's {@code uses:} step. */
    StepRunResult run(Step step, StepAction.Uses uses, StepRef stepRef, EvalContext context, String jobStatus)
            throws ExpressionFailure {
        String where = "jobs." + jobId + ".steps[" + stepRef.index() + "]";
        Map<String, String> stepEnv = state.stepEnvValues(step, context, where);
        return dispatch(new ActionCall(uses.reference(), uses.with(), stepEnv, withEnv(context, stepEnv), stepRef, step,
                where, jobStatus, 0));
    }

    /** Runs the action {@code call} names; nested uses of composite actions come back here. */
    StepRunResult dispatch(ActionCall call) throws ExpressionFailure {
        long t0 = System.nanoTime();
        StepRunResult result = resolveAndRun(call);
        return new StepRunResult(result.success(), result.exitCode(), Duration.ofNanos(System.nanoTime() - t0),
                result.outputs(), result.cancelled());
    }

    private StepRunResult resolveAndRun(ActionCall call) throws ExpressionFailure {
        if (call.depth() >= MAX_DEPTH) {
            return failed("composite actions nest more than " + MAX_DEPTH + " deep at '" + call.reference()
                    + "'; does an action use itself?");
        }
        Optional<BuiltinAction> builtin = run.actions().find(call.reference());
        if (builtin.isPresent()) {
            return builtin(call, builtin.get());
        }
        Optional<ActionRef> parsed = ActionRef.parse(call.reference());
        if (parsed.isEmpty()) {
            return failed("'" + call.reference() + "' is not an action: write ./PATH, OWNER/REPO[/PATH]@REF or docker://IMAGE");
        }
        if (parsed.get() instanceof ActionRef.DockerImage image) {
            return dockers.run(call, null, new ActionRuns.Docker(image.text(), List.of(), null, List.of(), null,
                    ActionRuns.ALWAYS, null, ActionRuns.ALWAYS), evaluated(call));
        }
        LoadedAction action;
        switch (loader.load(parsed.get())) {
            case ActionLoader.Loaded loaded -> action = loaded.action();
            case ActionLoader.Failed failed -> {
                failed.lines().forEach(line -> listener.line(jobRef, "Error: " + masker.mask(line)));
                return StepRunResult.failed(Duration.ZERO);
            }
        }
        Map<String, String> inputs = inputs(call, action.metadata());
        return switch (action.metadata().runs()) {
            case ActionRuns.Composite composite -> composites.run(call, action, composite, inputs);
            case ActionRuns.Node node -> nodes.main(call, action, node, inputs, preStates.remove(call.stepRef().index()));
            case ActionRuns.Docker docker -> dockers.run(call, action.folder(), docker, inputs);
        };
    }

    // ---- built-in actions ----

    private StepRunResult builtin(ActionCall call, BuiltinAction action) throws ExpressionFailure {
        Map<String, String> inputs = evaluated(call);
        Map<String, String> env = state.processEnv(call.env());
        Map<String, String> actionState = new LinkedHashMap<>();
        StepActionContext context = builtinContext(inputs, env, call.jobStatus(), actionState);
        ActionResult result = invoke(() -> action.main(context));
        action.postIf().ifPresent(postIf -> posts.add(new PendingPost(call.stepRef().name(), postIf, (ref, status) -> {
            long t0 = System.nanoTime();
            ActionResult post = invoke(() -> action.post(builtinContext(inputs, env, status, actionState)));
            return new StepRunResult(post.ok(), post.ok() ? 0 : 1, Duration.ofNanos(System.nanoTime() - t0), Map.of());
        })));
        return new StepRunResult(result.ok(), result.ok() ? 0 : 1, Duration.ZERO, context.outputs());
    }

    private StepActionContext builtinContext(Map<String, String> inputs, Map<String, String> env, String jobStatus,
                                             Map<String, String> actionState) {
        return new StepActionContext(run, state, inputs, env, state.github(), jobStatus, actionState, jobRef, listener,
                masker, run.services(), annotations);
    }

    /** Runs a built-in action's main or post, turning a bug of ours into a failed step with a message. */
    private ActionResult invoke(Supplier<ActionResult> call) {
        ActionResult result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            result = ActionResult.failure("gantry's built-in action failed: " + e);
        }
        if (!result.ok()) {
            listener.line(jobRef, "Error: " + masker.mask(result.message()));
        }
        return result;
    }

    // ---- inputs ----

    /** The {@code with:} values, evaluated. */
    private Map<String, String> evaluated(ActionCall call) throws ExpressionFailure {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : call.with().entrySet()) {
            String value = interpolator.string(e.getValue(), call.context(), call.where() + ".with." + e.getKey());
            inputs.put(e.getKey(), value == null ? "" : value);
        }
        return inputs;
    }

    /**
     * The inputs of an action with metadata ("Metadata syntax#inputs"): each declared input's
     * {@code default} (evaluated), replaced by the step's {@code with:} value; names match in any
     * letter case and take the declared spelling. An input the action does not declare is kept and
     * warned about; a required input left out is warned about (GitHub does not fail the step).
     */
    private Map<String, String> inputs(ActionCall call, ActionMetadata metadata) throws ExpressionFailure {
        Map<String, String> given = evaluated(call);
        Map<String, String> inputs = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (ActionInput input : metadata.inputs().values()) {
            Optional<String> value = given.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(input.id()))
                    .map(Map.Entry::getValue).findFirst();
            if (value.isPresent()) {
                inputs.put(input.id(), value.get());
                if (input.deprecation() != null) {
                    warn("input '" + input.id() + "' of " + call.reference() + " is deprecated: " + input.deprecation());
                }
            } else if (input.defaultValue() != null) {
                String d = interpolator.string(input.defaultValue(), call.context(), call.reference() + " input '"
                        + input.id() + "' default");
                inputs.put(input.id(), d == null ? "" : d);
            } else if (input.required()) {
                warn("input required and not supplied: " + input.id() + " (" + call.reference() + ")");
            }
        }
        given.forEach((k, v) -> {
            if (metadata.inputs().keySet().stream().noneMatch(k::equalsIgnoreCase)) {
                unexpected.add(k);
                inputs.put(k, v);
            }
        });
        if (!unexpected.isEmpty()) {
            warn("unexpected input(s) " + unexpected + " for " + call.reference() + "; it takes "
                    + new ArrayList<>(metadata.inputs().keySet()));
        }
        return inputs;
    }

    // ---- pre and post steps ----

    /**
     * Runs the {@code pre} of the JavaScript actions the job's steps name, in step order, before the
     * first step ("Metadata syntax#runs.pre", {@code pre-if} with the job's status and no steps yet).
     * Only actions of a repository have one: GitHub skips it for local actions, whose files do not
     * exist before the job runs. An action that cannot be fetched now is left to its step to report.
     *
     * @return {@code failure} when a pre step failed, else {@code success}
     */
    String runPres(List<Step> steps, List<StepResult> results) {
        String status = "success";
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!(step.action() instanceof StepAction.Uses uses) || run.actions().find(uses.reference()).isPresent()
                    || !(ActionRef.parse(uses.reference()).orElse(null) instanceof ActionRef.Remote remote)
                    || !(loader.load(remote) instanceof ActionLoader.Loaded loaded)
                    || !(loaded.action().metadata().runs() instanceof ActionRuns.Node node) || node.pre() == null) {
                continue;
            }
            String name = "Pre " + (step.name() != null ? step.name() : "Run " + uses.reference());
            StepRef ref = new StepRef(nextIndex++, null, name);
            EvalContext context = state.context(host.cancelled() ? "cancelled" : status, List.of(), step, i);
            long t0 = System.nanoTime();
            StepRunResult result;
            try {
                if (!interpolator.condition(node.preIf(), context, name + " (pre-if)")) {
                    continue;
                }
                listener.stepStarted(jobRef, ref);
                String where = "jobs." + jobId + ".steps[" + i + "]";
                Map<String, String> stepEnv = state.stepEnvValues(step, context, where);
                ActionCall call = new ActionCall(uses.reference(), uses.with(), stepEnv, withEnv(context, stepEnv), ref,
                        step, where, status, 0);
                Map<String, String> saved = new LinkedHashMap<>();
                result = nodes.pre(call, loaded.action(), node, inputs(call, loaded.action().metadata()), saved);
                preStates.put(i, saved);
            } catch (ExpressionFailure e) {
                listener.stepStarted(jobRef, ref);
                result = failed(e.getMessage());
            }
            status = recorded(ref, result, t0, results, status);
        }
        return status;
    }

    /** Reports a pre or post step that ran; the job's status after it. */
    private String recorded(StepRef ref, StepRunResult result, long t0, List<StepResult> results, String status) {
        String outcome = result.success() ? "success" : "failure";
        results.add(host.record(ref, outcome, result.exitCode(), Duration.ofNanos(System.nanoTime() - t0)));
        return result.success() ? status : "failure";
    }

    /** Registers a post step for the end of the job. */
    void addPost(PendingPost post) {
        posts.add(post);
    }

    /**
     * Runs the pending post steps, last registered first, each when its {@code post-if} holds.
     *
     * @return the job's status after them ({@code failure} when a post failed)
     */
    String runPosts(String jobStatus, List<StepResult> results) {
        String status = jobStatus;
        List<PendingPost> pending = new ArrayList<>(posts);
        Collections.reverse(pending);
        for (PendingPost post : pending) {
            StepRef ref = new StepRef(nextIndex++, null, "Post " + post.name());
            EvalContext context = state.context(host.cancelled() ? "cancelled" : status, List.of(), null, -1);
            boolean runs;
            try {
                runs = interpolator.condition(post.condition(), context, ref.name());
            } catch (ExpressionFailure e) {
                runs = false;
            }
            if (!runs) {
                continue;
            }
            listener.stepStarted(jobRef, ref);
            long t0 = System.nanoTime();
            StepRunResult result;
            try {
                result = post.body().run(ref, status);
            } catch (ExpressionFailure | IOException e) {
                result = failed(e.getMessage());
            }
            status = recorded(ref, result, t0, results, status);
        }
        return status;
    }

    // ---- shared with the kinds of actions ----

    /** {@code context} with its {@code env} the job's env and then {@code env}. */
    EvalContext withEnv(EvalContext context, Map<String, String> env) {
        Map<String, String> all = state.jobLevelEnv();
        all.putAll(env);
        return context.with(ContextName.ENV, all);
    }

    /** Shows an error and returns a failed result. */
    StepRunResult failed(String message) {
        listener.line(jobRef, "Error: " + masker.mask(message));
        return StepRunResult.failed(Duration.ZERO);
    }

    /** Shows a warning line. */
    void warn(String message) {
        listener.line(jobRef, "Warning: " + masker.mask(message));
    }

    /** Shows a line as it is (masked). */
    void line(String text) {
        listener.line(jobRef, masker.mask(text));
    }

    JobState state() {
        return state;
    }

    Interpolator interpolator() {
        return interpolator;
    }

    StepHost host() {
        return host;
    }
}

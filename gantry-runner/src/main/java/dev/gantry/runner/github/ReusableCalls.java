package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.GithubJob;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Input;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.CallScope;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.plan.PlannedJob;
import dev.gantry.reusable.CallInputs;
import dev.gantry.reusable.CallTree;
import dev.gantry.reusable.CalledWorkflow;
import dev.gantry.reusable.WorkflowRef;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.SchedulingJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs reusable workflow calls inside the caller's run ("Reuse workflows"; "Reusing workflow
 * configurations#Reusable workflows"). A caller leg is a deferred job: when its needs have finished
 * and its {@code if:} lets it run, {@link #expand} evaluates its {@code with} and {@code secrets},
 * plans the called workflow's jobs under the caller's name ({@code caller / called}) and returns
 * them with the caller leg itself, which now waits for them; when they have finished,
 * {@link #join} gives the caller its result (the called jobs' results combined) and its outputs
 * ({@code on.workflow_call.outputs.<name>.value} over the {@code jobs} context).
 *
 * <p>Each call runs as a workflow of its own (a {@link Frame}): its jobs see the caller's
 * {@code github} context (the event, ref and SHA; {@code github.workflow} names the top-level
 * workflow), its own {@code inputs} and {@code secrets}, its own {@code env} and {@code defaults}
 * and never the caller's workflow {@code env} ("Limitations of reusable workflows"), and their
 * {@code needs} and outputs stay inside the call. Secrets reach a called workflow only when passed
 * ("Passing secrets to nested workflows"). With a matrix, the last successful leg that sets an
 * output wins ("Using outputs from a reusable workflow").
 *
 * <p>{@link #expand} and {@link #join} are called on the run loop's thread only; {@link #runOf}
 * from any thread.
 */
final class ReusableCalls {

    /**
     * One workflow of the run: the one it started with, or one call of a reusable workflow.
     *
     * @param run      what its jobs share (contexts, secrets, outputs)
     * @param workflow its file, to find the calls it makes
     * @param started  when the call was expanded (the caller's start)
     */
    private record Frame(GithubRun run, WorkflowRef workflow, Instant started) {
    }

    /**
     * A caller leg expanded.
     *
     * @param jobs       the called jobs, then the caller leg (no longer deferred), in plan order
     * @param scheduling the same for the scheduler
     */
    record Expansion(List<PlannedJob> jobs, List<SchedulingJob> scheduling) {
    }

    private final CallTree tree;
    private final dev.gantry.runner.report.RunListener listener;
    /** Frames by the key of their caller leg; the run's own workflow under "". */
    private final Map<String, Frame> frames = new ConcurrentHashMap<>();
    private final Interpolator interpolator = new Interpolator();

    ReusableCalls(GithubRun top, CallTree tree, dev.gantry.runner.report.RunListener listener) {
        this.tree = tree;
        this.listener = listener;
        frames.put("", new Frame(top, WorkflowRef.local(top.workflowFile()), Instant.now()));
    }

    /** The run a planned job belongs to: the top-level one, or its call's. */
    GithubRun runOf(PlannedJob job) {
        return frameOf(job).run();
    }

    private Frame frameOf(PlannedJob job) {
        return frames.get(job.scope() == null ? "" : job.scope().key());
    }

    /**
     * Expands a ready caller leg into its called jobs.
     *
     * @throws ExpressionFailure when an input or secret cannot be evaluated or has the wrong type;
     *                           the caller then fails with this message
     */
    Expansion expand(PlannedJob caller) throws ExpressionFailure {
        Frame parent = frameOf(caller);
        String id = caller.job().id();
        String where = "jobs." + id;
        CalledWorkflow called = tree.called(parent.workflow(), id).orElseThrow(() -> new ExpressionFailure(
                "the workflow that " + where + " calls could not be read"));
        GithubJob details = (GithubJob) caller.job().details();
        GithubRun from = parent.run();
        EvalContext context = EvalContext.of(Map.of(
                "github", Contexts.github(from, id, from.repository(), from.runDir().resolve("event.json")),
                "needs", Contexts.needs(caller, from.outputs()),
                "strategy", Contexts.strategy(caller),
                "inputs", from.inputs(),
                "vars", from.vars())).with(dev.gantry.expr.github.ContextName.MATRIX, Contexts.matrix(caller));
        String display = interpolator.string(caller.displayName(), context, where + ".name");
        Map<String, Object> inputs = inputs(called, details, context, from, where);
        Map<String, String> secrets = secrets(called, details, context, from, where);

        Pipeline workflow = called.workflow();
        // github.workflow of a called workflow names its caller ("Supported keywords for jobs that call a
        // reusable workflow"): the view carries the top-level name.
        Pipeline view = new Pipeline(workflow.format(), workflow.file(), from.workflow().name(), workflow.stages(),
                workflow.variables(), workflow.triggers(), workflow.jobs(), workflow.details(), workflow.range());
        GithubRun run = new GithubRun(view, from.workflowFile(), from.facts(), from.eventName(), from.event(), secrets,
                from.vars(), inputs, from.hostEnv(), from.extraEnv(), from.repository(), from.revision(), from.runDir(),
                from.toolCache(), from.runId(), from.verbose(), new JobOutputs(), from.actions(), from.repositories(),
                from.services(), from.containers(), from.workspaces());
        frames.put(caller.key(), new Frame(run, called.ref(), Instant.now()));

        List<PlannedJob> jobs;
        try {
            jobs = new ArrayList<>(GithubPlanner.called(new CallScope(caller.key(), display), view));
        } catch (IllegalArgumentException e) {
            throw new ExpressionFailure("'" + called.ref().display() + "': " + e.getMessage());
        }
        List<SchedulingJob> scheduling = new ArrayList<>(jobs.stream().map(PlannedJob::scheduling).toList());
        Set<String> calledGroups = new LinkedHashSet<>();
        jobs.forEach(j -> calledGroups.add(j.group()));
        PlannedJob waiting = new PlannedJob(caller.key(), caller.job(), caller.matrix(), display, caller.needs(),
                caller.legIndex(), caller.legCount(), false, null, caller.scope());
        jobs.add(waiting);
        scheduling.add(new SchedulingJob(caller.key(), caller.group(), List.copyOf(calledGroups), 0,
                caller.failFast(), null, false));
        return new Expansion(jobs, scheduling);
    }

    /** {@code with} evaluated in the caller's contexts and typed; defaults for the rest. */
    private Map<String, Object> inputs(CalledWorkflow called, GithubJob details, EvalContext context, GithubRun from,
                                       String where) throws ExpressionFailure {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Input input : called.inputs()) {
            String given = details.with().get(input.name());
            String text = given != null ? given : input.defaultValue();
            if (text == null) {
                inputs.put(input.name(), CallInputs.empty(input));
                continue;
            }
            // A default is evaluated in the called workflow, where only github, inputs and vars exist.
            EvalContext scope = given != null ? context : EvalContext.of(Map.of(
                    "github", context.context(dev.gantry.expr.github.ContextName.GITHUB),
                    "inputs", inputs, "vars", from.vars()));
            String what = given != null ? where + ".with." + input.name()
                    : "on.workflow_call.inputs." + input.name() + ".default of '" + called.ref().display() + "'";
            Object value = interpolator.value(text, scope, what);
            CallInputs.Typed typed = CallInputs.typed(input, value, !Interpolator.hasExpression(text));
            if (!typed.ok()) {
                throw new ExpressionFailure(what + ": " + typed.problem());
            }
            inputs.put(input.name(), typed.value());
        }
        return inputs;
    }

    /** The secrets the called workflow sees: all of the caller's with {@code inherit}, else those passed. */
    private Map<String, String> secrets(CalledWorkflow called, GithubJob details, EvalContext context, GithubRun from,
                                        String where) throws ExpressionFailure {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (details.inheritSecrets()) {
            secrets.putAll(from.secrets());
        } else {
            EvalContext withSecrets = context.with(dev.gantry.expr.github.ContextName.SECRETS, from.secrets());
            for (Map.Entry<String, String> e : details.secrets().entrySet()) {
                String value = interpolator.string(e.getValue(), withSecrets, where + ".secrets." + e.getKey());
                secrets.put(e.getKey(), value == null ? "" : value);
            }
        }
        Map<String, Boolean> declared = called.workflow().details() instanceof GithubWorkflow g ? g.callSecrets() : Map.of();
        for (Map.Entry<String, Boolean> d : declared.entrySet()) {
            if (d.getValue() && !secrets.containsKey(d.getKey())) {
                throw new ExpressionFailure("'" + called.ref().display() + "' requires the secret '" + d.getKey()
                        + "', and " + where + " does not have it to inherit (pass it with --secret)");
            }
        }
        return secrets;
    }

    /**
     * The result of an expanded caller leg whose called jobs have all finished: their results
     * combined, and the call's outputs recorded for the caller's dependents.
     */
    JobResult join(PlannedJob caller, JobRef ref) {
        Frame frame = frames.get(caller.key());
        GithubRun run = frame.run();
        List<JobStatus> statuses = new ArrayList<>();
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (dev.gantry.model.Job job : run.workflow().jobs()) {
            statuses.add(status(run.outputs().result(job.id())));
            jobs.put(job.id(), run.outputs().needsEntry(job.id()));
        }
        JobStatus status = statuses.isEmpty() ? JobStatus.SUCCESS : JobStatus.combine(statuses);
        EvalContext context = EvalContext.of(Map.of(
                "github", Contexts.github(run, caller.job().id(), run.repository(), run.runDir().resolve("event.json")),
                "jobs", jobs,
                "inputs", run.inputs(),
                "vars", run.vars()));
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> declared = run.workflow().details() instanceof GithubWorkflow g ? g.callOutputs() : Map.of();
        for (Map.Entry<String, String> e : declared.entrySet()) {
            try {
                String value = interpolator.string(e.getValue(), context, "on.workflow_call.outputs." + e.getKey() + ".value");
                outputs.put(e.getKey(), value == null ? "" : value);
            } catch (ExpressionFailure failure) {
                warnings.add(failure.getMessage());
            }
        }
        GithubRun parent = frameOf(caller).run();
        boolean matrixLeg = caller.job().matrix() != null;
        if (!matrixLeg || status.succeeded()) {
            parent.outputs().record(caller.job().id(), outputs); // empty values leave an earlier leg's
        }
        SecretMasker masker = new SecretMasker();
        parent.secrets().values().forEach(masker::add);
        run.secrets().values().forEach(masker::add);
        Map<String, String> masked = new LinkedHashMap<>();
        outputs.forEach((k, v) -> masked.put(k, masker.mask(v)));
        warnings.forEach(w -> listener.line(ref, "Warning: " + masker.mask(w)));
        String reason = status == JobStatus.FAILURE ? "a job of '" + frame.workflow().display() + "' failed" : null;
        return new JobResult(ref, status, reason, Duration.between(frame.started(), Instant.now()), masked, List.of(),
                "", null);
    }

    private static JobStatus status(String result) {
        return switch (result) {
            case "failure" -> JobStatus.FAILURE;
            case "cancelled" -> JobStatus.CANCELLED;
            case "skipped" -> JobStatus.SKIPPED;
            default -> JobStatus.SUCCESS;
        };
    }
}

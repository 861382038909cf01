package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.StatusCheck;
import dev.gantry.expr.github.Values;
import dev.gantry.model.Condition;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.platform.OsMismatch;
import dev.gantry.runner.platform.Platforms;
import dev.gantry.schedule.JobGate;
import dev.gantry.schedule.JobStatus;
import dev.gantry.schedule.SchedulingJob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitHub's rule for whether a ready job runs: its {@code jobs.<job_id>.if}, evaluated with the
 * {@code github}, {@code needs}, {@code vars} and {@code inputs} contexts, and with an implicit
 * {@code success()} when it calls no status function ("Using conditions to control job
 * execution"). {@code success()} means every job it needs, directly or through other jobs,
 * succeeded; so a failed or skipped need skips its dependents transitively unless their {@code if}
 * uses a status function. A job that does not run after a cancel counts as cancelled. A job of a
 * reusable workflow call is decided in its call's workflow ({@link ReusableCalls}). A job whose
 * {@code runs-on} asks for another operating system than this machine's is skipped ({@link RunnerOs}),
 * unless a {@code -P} option places one of its labels ({@link JobPlacement}).
 *
 * <p>Called on the run loop's thread only; not thread-safe.
 */
final class GithubGate implements JobGate {

    private final java.util.function.Function<PlannedJob, GithubRun> runOf;
    private final Map<String, PlannedJob> planned;
    /** The needs of each job by its group (its id, qualified inside a reusable workflow call). */
    private final Map<String, List<String>> needsOfGroup = new java.util.HashMap<>();
    private final Interpolator interpolator = new Interpolator();
    private final Platforms platforms;

    /**
     * @param runOf     the run a job belongs to (the workflow's, or its reusable workflow call's)
     * @param planned   every planned job by key (legs of a deferred matrix and called jobs are added
     *                  as they appear; a job a {@code -P} image places in a container is replaced by
     *                  the job with that container when it is decided)
     * @param platforms the {@code -P} options
     */
    GithubGate(java.util.function.Function<PlannedJob, GithubRun> runOf, Map<String, PlannedJob> planned,
               Platforms platforms) {
        this.runOf = runOf;
        this.planned = planned;
        this.platforms = platforms;
        planned.values().forEach(p -> needsOfGroup.put(p.group(), p.needs()));
    }

    @Override
    public Verdict decide(SchedulingJob scheduling, Map<String, JobStatus> predecessors, boolean cancelRequested) {
        PlannedJob job = planned.get(scheduling.key());
        if (job.calls() && !job.deferred()) {
            return Verdict.RUN; // a caller whose call was expanded: its if: was decided then; now it collects the results
        }
        GithubRun run = runOf.apply(job);
        String condition = job.job().condition() instanceof Condition.Expression e ? e.expression() : "success()";
        List<String> ancestors = ancestorResults(job, run);
        EvalContext context = EvalContext.of(Map.of(
                        "github", Contexts.github(run, job.job().id(), run.repository(), run.runDir()),
                        "needs", Contexts.needs(job, run.outputs()),
                        "vars", run.vars(),
                        "inputs", run.inputs()))
                .withStatus(StatusCheck.forJob(ancestors, cancelRequested));
        boolean runs;
        try {
            runs = interpolator.condition(condition, context, "jobs." + job.job().id() + ".if");
        } catch (ExpressionFailure e) {
            return new Verdict(JobStatus.FAILURE, e.getMessage());
        }
        if (runs) {
            try {
                List<String> names = labels(job, context);
                int labels = names.size();
                String group = JobPlacement.group(job);
                if (group != null) {
                    names.add(interpolator.string(group, withMatrix(job, context), "jobs." + job.job().id()
                            + ".runs-on.group"));
                }
                JobPlacement.Where where = JobPlacement.decide(names, labels, platforms, OsMismatch.thisMachine());
                if (where instanceof JobPlacement.Elsewhere e) {
                    return Verdict.skip(e.mismatch().reason());
                }
                if (where instanceof JobPlacement.InImage i && !hasOwnContainer(job, context)) {
                    // The job now runs exactly as one with container: IMAGE, Docker check included.
                    job = JobPlacement.inImage(job, i.image());
                    planned.put(job.key(), job);
                }
            } catch (ExpressionFailure e) {
                return new Verdict(JobStatus.FAILURE, e.getMessage());
            }
        }
        if (runs && needsContainers(job, context) && !run.containers().availability().available()) {
            return Verdict.skip("the job needs Docker for its container or services, and no Docker engine is"
                    + " reachable: " + run.containers().availability().detail());
        }
        if (runs) {
            return Verdict.RUN;
        }
        if (cancelRequested) {
            return new Verdict(JobStatus.CANCELLED, "the run was cancelled");
        }
        boolean implicit = !(job.job().condition() instanceof Condition.Expression);
        return Verdict.skip(implicit ? "a job it needs did not succeed" : "its condition '" + condition + "' is false");
    }

    /**
     * The job's {@code runs-on} labels with their expressions evaluated; {@code runs-on} also sees
     * the {@code strategy} and {@code matrix} contexts, and an expression may give an array of labels.
     */
    private List<String> labels(PlannedJob job, EvalContext context) throws ExpressionFailure {
        EvalContext withMatrix = withMatrix(job, context);
        List<String> labels = new ArrayList<>();
        for (String label : job.job().runsOn()) {
            Object value = interpolator.value(label, withMatrix, "jobs." + job.job().id() + ".runs-on");
            if (value instanceof List<?> list) {
                list.forEach(v -> labels.add(Values.toStr(v)));
            } else {
                labels.add(Values.toStr(value));
            }
        }
        return labels;
    }

    private static EvalContext withMatrix(PlannedJob job, EvalContext context) {
        return context.with(ContextName.STRATEGY, Contexts.strategy(job)).with(ContextName.MATRIX, Contexts.matrix(job));
    }

    /**
     * Whether the job names a container image of its own that does not evaluate to {@code ''}; one
     * that cannot be evaluated counts, and the job reports the failure when it starts.
     */
    private boolean hasOwnContainer(PlannedJob job, EvalContext context) {
        if (job.job().container() == null) {
            return false;
        }
        try {
            String image = interpolator.string(job.job().container().image(), withMatrix(job, context),
                    "jobs." + job.job().id() + ".container.image");
            return image != null && !image.isBlank();
        } catch (ExpressionFailure e) {
            return true;
        }
    }

    /**
     * Whether the job has a container or service image that is not empty ({@link JobContainers#needed});
     * an image that cannot be evaluated counts as one, and the job reports the failure when it starts.
     */
    private boolean needsContainers(PlannedJob job, EvalContext context) {
        if (job.job().container() == null && job.job().services().isEmpty()) {
            return false;
        }
        EvalContext withMatrix = withMatrix(job, context);
        try {
            return JobContainers.needed(job, (text, where) -> {
                try {
                    return interpolator.string(text, withMatrix, "jobs." + job.job().id() + "." + where);
                } catch (ExpressionFailure e) {
                    throw new GithubJobRunner.JobSetupFailure(e.getMessage());
                }
            });
        } catch (GithubJobRunner.JobSetupFailure e) {
            return true;
        }
    }

    /** The needs of job {@code id} of the workflow {@code job} belongs to. */
    private List<String> needsOf(PlannedJob job, String id) {
        String group = job.scope() == null ? id : job.scope().qualify(id);
        return needsOfGroup.computeIfAbsent(group, g -> planned.values().stream().filter(p -> p.group().equals(g))
                .findFirst().map(PlannedJob::needs).orElse(List.of()));
    }

    /** The results of every planned job {@code job} needs, directly or through other jobs. */
    private List<String> ancestorResults(PlannedJob job, GithubRun run) {
        List<String> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<List<String>> todo = new ArrayDeque<>();
        todo.push(job.needs());
        while (!todo.isEmpty()) {
            for (String id : todo.pop()) {
                if (seen.add(id)) {
                    results.add(run.outputs().result(id));
                    needsOf(job, id).forEach(n -> todo.push(List.of(n)));
                }
            }
        }
        return results;
    }
}

package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Values;
import dev.gantry.model.Concurrency;
import dev.gantry.plan.PlannedJob;
import dev.gantry.schedule.ConcurrencyGroups;
import dev.gantry.schedule.SchedulingJob;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code jobs.<job_id>.concurrency} group of each job of one run, evaluated when the job is
 * ready with the contexts GitHub allows there: {@code github}, {@code inputs}, {@code vars},
 * {@code needs}, {@code strategy} and {@code matrix} ("Control the concurrency of workflows and
 * jobs", docs.github.com; "Contexts reference#Context availability"). {@code cancel-in-progress}
 * is evaluated with the same contexts. A group that does not evaluate leaves the job without one
 * (the scheduler then does not hold it back). Workflow-level {@code concurrency} orders whole runs,
 * which a single local run has no other of, so it is not used here.
 *
 * <p>Called on the run loop's thread only; not thread-safe.
 */
final class JobConcurrency implements ConcurrencyGroups {

    private final Function<PlannedJob, GithubRun> runOf;
    private final Map<String, PlannedJob> planned;
    private final Interpolator interpolator = new Interpolator();
    /** Evaluated once per job: its contexts no longer change once its predecessors have finished. */
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * @param runOf   the run a job belongs to (the workflow's, or its reusable workflow call's)
     * @param planned every planned job by key, as the run adds legs and called jobs
     */
    JobConcurrency(Function<PlannedJob, GithubRun> runOf, Map<String, PlannedJob> planned) {
        this.runOf = runOf;
        this.planned = planned;
    }

    @Override
    public Group of(SchedulingJob scheduling) {
        if (groups.containsKey(scheduling.key())) {
            return groups.get(scheduling.key());
        }
        PlannedJob job = planned.get(scheduling.key());
        Group group = job == null || job.calls() ? null : evaluate(job);
        groups.put(scheduling.key(), group);
        return group;
    }

    private Group evaluate(PlannedJob job) {
        Concurrency concurrency = job.job().concurrency();
        if (concurrency == null) {
            return null;
        }
        GithubRun run = runOf.apply(job);
        EvalContext context = EvalContext.of(Map.of(
                        "github", Contexts.github(run, job.job().id(), run.repository(), run.runDir()),
                        "needs", Contexts.needs(job, run.outputs()),
                        "vars", run.vars(),
                        "inputs", run.inputs()))
                .with(ContextName.STRATEGY, Contexts.strategy(job)).with(ContextName.MATRIX, Contexts.matrix(job));
        String where = "jobs." + job.job().id() + ".concurrency";
        try {
            String name = interpolator.string(concurrency.group(), context, where + ".group");
            Object cancelValue = interpolator.value(concurrency.cancelInProgress(), context,
                    where + ".cancel-in-progress");
            // Written plainly it is the text true or false; an expression gives a value to test.
            boolean cancel = cancelValue instanceof String text ? text.strip().equals("true")
                    : cancelValue != null && Values.isTruthy(cancelValue);
            return name == null || name.isEmpty() ? null : new Group(name, cancel);
        } catch (ExpressionFailure e) {
            return null;
        }
    }
}

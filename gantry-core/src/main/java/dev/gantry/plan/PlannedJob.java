package dev.gantry.plan;

import dev.gantry.model.Job;
import dev.gantry.schedule.SchedulingJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One job as it will run: a job of the model with one matrix cell (or none), its display name and
 * the jobs it waits for.
 *
 * @param key         unique in the run: the job id, or the id with the cell's values for a matrix leg
 *                    ({@code test (a, 1)}), or GitLab's parallel name ({@code deploy: [aws, x]})
 * @param job         the model's job
 * @param matrix      the cell's values in order (empty without a matrix, or for a deferred job)
 * @param displayName what the user sees; for GitHub a {@code name:} whose expressions read only the
 *                    matrix is evaluated for the leg ({@link LegName}), any other is kept as written
 *                    and evaluated when the job starts
 * @param needs       predecessor references: keys or job ids (a job id stands for all its legs)
 * @param legIndex    0-based position of this leg in its matrix (0 without a matrix)
 * @param legCount    the number of legs of its matrix (1 without a matrix)
 * @param deferred    decided when the job is ready: its matrix is an expression, or it calls a
 *                    reusable workflow whose jobs are planned then
 * @param startIn     GitLab {@code start_in} for a delayed job, or null
 * @param scope       the reusable workflow call this job runs under, or null for a job of the
 *                    workflow the run started with; {@code needs} name jobs of the same workflow
 */
public record PlannedJob(String key, Job job, Map<String, Object> matrix, String displayName, List<String> needs,
                         int legIndex, int legCount, boolean deferred, Duration startIn, CallScope scope) {

    public PlannedJob {
        matrix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matrix));
        needs = List.copyOf(needs);
    }

    /** A job of the workflow the run started with. */
    public PlannedJob(String key, Job job, Map<String, Object> matrix, String displayName, List<String> needs,
                      int legIndex, int legCount, boolean deferred, Duration startIn) {
        this(key, job, matrix, displayName, needs, legIndex, legCount, deferred, startIn, null);
    }

    /** What the scheduler needs to know of this job. */
    public SchedulingJob scheduling() {
        int maxParallel = job.matrix() == null ? 0 : job.matrix().maxParallel();
        return new SchedulingJob(key, group(), needs.stream().map(this::qualify).toList(), maxParallel, failFast(),
                startIn, deferred);
    }

    /**
     * The needs group of this job: its id, qualified by its call scope, so that every leg of one
     * job shares it and no job of another call does.
     */
    public String group() {
        return qualify(job.id());
    }

    private String qualify(String jobId) {
        return scope == null ? jobId : scope.qualify(jobId);
    }

    /** This job (planned in its own workflow) placed under a reusable workflow call: key and name prefixed. */
    public PlannedJob within(CallScope call) {
        return new PlannedJob(call.qualify(key), job, matrix, call.displayName() + CallScope.SEPARATOR + displayName,
                needs, legIndex, legCount, deferred, startIn, call);
    }

    /** This job under another name, for a name known only once its reusable workflow call's inputs are. */
    public PlannedJob withDisplayName(String name) {
        return new PlannedJob(key, job, matrix, name, needs, legIndex, legCount, deferred, startIn, scope);
    }

    /** This job as a deferred job whose expansion is done: it now stands for its legs or its called jobs. */
    public PlannedJob expanded() {
        return new PlannedJob(key, job, matrix, displayName, needs, legIndex, legCount, false, startIn, scope);
    }

    /**
     * The cell's values as the dry run lists them: {@code name=value, ...}, each value as in the leg's
     * name (an object as {@code {key=value, ...}}, not as the expression language's {@code 'Object'}).
     */
    public String matrixText() {
        return String.join(", ", matrix.entrySet().stream()
                .map(e -> e.getKey() + "=" + GithubPlanner.display(e.getValue())).toList());
    }

    /** True while the job's matrix is an expression not yet evaluated (a deferred job that is not a leg yet). */
    public boolean matrixPending() {
        return job.matrix() != null && MatrixExpansion.expand(job.matrix()) instanceof MatrixCells.Dynamic;
    }

    /** True when the job calls a reusable workflow ({@code jobs.<id>.uses}) instead of running steps. */
    public boolean calls() {
        return GithubPlanner.calls(job);
    }

    /** GitHub {@code strategy.fail-fast}: true unless written as {@code false} (an expression counts as true until evaluated). */
    public boolean failFast() {
        if (job.matrix() == null) {
            return false;
        }
        String f = job.matrix().failFast();
        return f == null || !f.strip().equalsIgnoreCase("false");
    }
}

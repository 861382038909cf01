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
 * @param deferred    the matrix is an expression evaluated when the job is ready
 * @param startIn     GitLab {@code start_in} for a delayed job, or null
 */
public record PlannedJob(String key, Job job, Map<String, Object> matrix, String displayName, List<String> needs,
                         int legIndex, int legCount, boolean deferred, Duration startIn) {

    public PlannedJob {
        matrix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matrix));
        needs = List.copyOf(needs);
    }

    /** What the scheduler needs to know of this job. */
    public SchedulingJob scheduling() {
        int maxParallel = job.matrix() == null ? 0 : job.matrix().maxParallel();
        return new SchedulingJob(key, job.id(), needs, maxParallel, failFast(), startIn, deferred);
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

package dev.gantry.runner.report;

import dev.gantry.schedule.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a job ended.
 *
 * @param job         which job
 * @param status      its final status
 * @param reason      why it did not run or why it stopped (skipped, cancelled, timed out), or null
 * @param duration    wall time, zero when it did not run
 * @param outputs     job outputs (GitHub {@code outputs:}), masked
 * @param steps       each step's result, in order
 * @param summary     the step summaries' Markdown (GITHUB_STEP_SUMMARY) joined, or "" when none
 * @param coverage    the GitLab {@code coverage:} value, or null
 */
public record JobResult(JobRef job, JobStatus status, String reason, Duration duration, Map<String, String> outputs,
                        List<StepResult> steps, String summary, String coverage) {

    public JobResult {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        steps = List.copyOf(steps);
    }

    /**
     * Every job's result in plan order: the result a job reported, else (a job the run loop
     * concluded without running it) a not-run result with its final status.
     *
     * @param statuses each planned job's final status, in plan order (as the run loop returns them)
     * @param reported the results jobs reported, by key
     * @param refOf    the reference of a job by key
     */
    public static List<JobResult> inPlanOrder(Map<String, JobStatus> statuses, Map<String, JobResult> reported,
                                              java.util.function.Function<String, JobRef> refOf) {
        List<JobResult> ordered = new java.util.ArrayList<>(statuses.size());
        statuses.forEach((key, status) -> {
            JobResult r = reported.get(key);
            ordered.add(r != null ? r : notRun(refOf.apply(key), status, null));
        });
        return ordered;
    }

    /** A job that got a status without running. */
    public static JobResult notRun(JobRef job, JobStatus status, String reason) {
        return new JobResult(job, status, reason, Duration.ZERO, Map.of(), List.of(), "", null);
    }
}

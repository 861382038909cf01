package dev.gantry.runner.report;

import dev.gantry.schedule.JobStatus;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a whole run.
 *
 * @param file        the workflow or pipeline file
 * @param jobs        every planned job's result, in plan order
 * @param annotations every annotation with the job that made it, in the order the jobs finished
 * @param duration    wall time of the run
 */
public record RunResult(String file, List<JobResult> jobs, List<JobAnnotation> annotations, Duration duration) {

    public RunResult {
        jobs = List.copyOf(jobs);
        annotations = List.copyOf(annotations);
    }

    /** True when every job succeeded, was skipped, left manual or failed with its failure allowed (exit status 0). */
    public boolean succeeded() {
        return jobs.stream().noneMatch(j -> j.status() == JobStatus.FAILURE || j.status() == JobStatus.CANCELLED);
    }
}

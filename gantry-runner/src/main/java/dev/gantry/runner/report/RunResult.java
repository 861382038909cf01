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
 * @param blockedBy   the keys of the GitLab manual jobs with {@code allow_failure: false} that were
 *                    reached and not played, in plan order: while there is one, GitLab calls the
 *                    pipeline blocked, not passed ("Control how jobs run#Types of manual jobs",
 *                    docs.gitlab.com); empty for GitHub
 */
public record RunResult(String file, List<JobResult> jobs, List<JobAnnotation> annotations, Duration duration,
                        List<String> blockedBy) {

    public RunResult {
        jobs = List.copyOf(jobs);
        annotations = List.copyOf(annotations);
        blockedBy = List.copyOf(blockedBy);
    }

    /** A run that no manual job blocks. */
    public RunResult(String file, List<JobResult> jobs, List<JobAnnotation> annotations, Duration duration) {
        this(file, jobs, annotations, duration, List.of());
    }

    /**
     * True when every job succeeded, was skipped, left manual or failed with its failure allowed, and
     * no manual job blocks the pipeline (exit status 0).
     */
    public boolean succeeded() {
        return !failed() && blockedBy.isEmpty();
    }

    /** True when no job failed or was cancelled but a manual job blocks the pipeline. */
    public boolean blocked() {
        return !failed() && !blockedBy.isEmpty();
    }

    private boolean failed() {
        return jobs.stream().anyMatch(j -> j.status() == JobStatus.FAILURE || j.status() == JobStatus.CANCELLED);
    }
}

package dev.gantry.schedule;

/**
 * Where a planned job (one matrix leg, one GitLab parallel job) stands. The terminal values
 * are the results both formats report: GitHub's {@code needs.<id>.result} ({@code success},
 * {@code failure}, {@code cancelled}, {@code skipped}) and GitLab's job statuses (passed,
 * failed, allowed to fail, canceled, skipped, manual).
 */
public enum JobStatus {
    /** Not started; waits for its predecessors, a slot, or its delay. */
    WAITING,
    /** Started and not finished. */
    RUNNING,
    SUCCESS,
    FAILURE,
    /** Failed, but the failure is tolerated (GitLab allow_failure, GitHub continue-on-error). */
    ALLOWED_FAILURE,
    CANCELLED,
    SKIPPED,
    /** A GitLab manual job that was not asked for: it did not run and blocks nothing unless it must. */
    MANUAL,
    /**
     * A GitLab job that waits behind a blocking manual job ({@code allow_failure: false}) that was not
     * played, directly or through the jobs it waits for: it did not run. GitLab leaves such a job
     * "created" and calls the pipeline "blocked".
     */
    BLOCKED;

    public boolean finished() {
        return this != WAITING && this != RUNNING;
    }

    /**
     * The status of a group of finished jobs (all legs of a matrix) as its dependents see it, after
     * GitHub's {@code needs.<id>.result}: failure when any failed, else cancelled when any was
     * cancelled, else blocked when any is blocked, else skipped when all were skipped (or manual), else
     * success. Tolerated failures count as success.
     */
    public static JobStatus combine(java.util.Collection<JobStatus> statuses) {
        if (statuses.contains(FAILURE)) {
            return FAILURE;
        }
        if (statuses.contains(CANCELLED)) {
            return CANCELLED;
        }
        if (statuses.contains(BLOCKED)) {
            return BLOCKED;
        }
        if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s == SKIPPED || s == MANUAL)) {
            return statuses.contains(MANUAL) && statuses.size() == 1 ? MANUAL : SKIPPED;
        }
        return statuses.contains(ALLOWED_FAILURE) && statuses.size() == 1 ? ALLOWED_FAILURE : SUCCESS;
    }

    /** Counts as success for what follows: success or a tolerated failure. */
    public boolean succeeded() {
        return this == SUCCESS || this == ALLOWED_FAILURE;
    }
}

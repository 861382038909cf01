package dev.gantry.expr.github;

import java.util.Collection;
import java.util.Locale;

/**
 * What the status check functions return for one evaluation ("Evaluate expressions in workflows and
 * actions#status-check-functions"); {@code always()} is always true and needs no field.
 *
 * <p>The meaning depends on where the condition stands. For a step ({@code jobs.<job_id>.steps.if})
 * it is the status of the job so far: {@code success()} while no earlier step failed,
 * {@code failure()} once one did, {@code cancelled()} when the run was cancelled (inside a composite
 * action, the action's own status plays this role). For a job ({@code jobs.<job_id>.if}) it is the
 * result of the jobs it needs, directly or through other jobs: {@code success()} when all of them
 * succeeded, {@code failure()} when any of them failed, {@code cancelled()} when the run was cancelled.
 *
 * @param success   the value of {@code success()}
 * @param failure   the value of {@code failure()}
 * @param cancelled the value of {@code cancelled()}
 */
public record StatusCheck(boolean success, boolean failure, boolean cancelled) {

    /** A job or step with nothing failed or cancelled so far. */
    public static final StatusCheck SUCCESS = new StatusCheck(true, false, false);

    /**
     * Step-level values from the current job status ({@code job.status}: {@code success},
     * {@code failure} or {@code cancelled}, in any letter case). Null or any other text counts as
     * success, as the runner treats a job without a status.
     */
    public static StatusCheck ofJobStatus(String jobStatus) {
        String s = jobStatus == null ? "success" : jobStatus.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "failure" -> new StatusCheck(false, true, false);
            case "cancelled" -> new StatusCheck(false, false, true);
            default -> SUCCESS;
        };
    }

    /**
     * Job-level values.
     *
     * @param ancestorResults the results ({@code success}, {@code failure}, {@code cancelled},
     *                        {@code skipped}) of every job this one needs, directly or indirectly
     * @param runCancelled    whether the workflow run was cancelled
     */
    public static StatusCheck forJob(Collection<String> ancestorResults, boolean runCancelled) {
        boolean allSucceeded = ancestorResults.stream().allMatch("success"::equalsIgnoreCase);
        boolean anyFailed = ancestorResults.stream().anyMatch("failure"::equalsIgnoreCase);
        return new StatusCheck(allSucceeded && !runCancelled, anyFailed, runCancelled);
    }
}

package dev.gantry.schedule;

/**
 * The GitHub job-level {@code concurrency} group of each job ("Control the concurrency of workflows
 * and jobs", docs.github.com): a name evaluated when the job is ready (it may read {@code needs},
 * {@code matrix} and the other contexts allowed there), so the scheduler asks for it only once a
 * job's predecessors have finished, and again on every decision while the job waits or runs. An
 * implementation must give the same answer for the same job each time (caching is fine).
 */
@FunctionalInterface
public interface ConcurrencyGroups {

    /** For runs where no job has a concurrency group (GitLab, whose resource groups are {@link SchedulingJob#exclusive}). */
    ConcurrencyGroups NONE = job -> null;

    /**
     * @param job a job whose predecessors have all finished and whose gate lets it run, or a running job
     * @return its group, or null when it has none
     */
    Group of(SchedulingJob job);

    /**
     * @param name             the evaluated group name as written (groups compare case-insensitively)
     * @param cancelInProgress the job's {@code cancel-in-progress}, evaluated: when it becomes the
     *                         group's pending job it cancels the group's running job
     */
    record Group(String name, boolean cancelInProgress) {
    }
}

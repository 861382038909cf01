package dev.gantry.schedule;

import java.util.Map;

/**
 * The format's rule for whether a ready job runs, given how its predecessors ended. GitHub
 * evaluates the job's {@code if:} (implicitly {@code success()}); GitLab applies {@code when:}
 * against the earlier stages or the needed jobs. Must be pure and fast: the scheduler calls it
 * once per job, when all predecessors have finished.
 */
@FunctionalInterface
public interface JobGate {

    /**
     * @param job             the ready job
     * @param predecessors    each predecessor as written in {@link SchedulingJob#predecessors()} with its
     *                        final status; a group's status sums up its jobs (see {@link JobStatus#combine})
     * @param cancelRequested true once the user cancelled the run (status functions see {@code cancelled()})
     * @return whether to run it, and why not when skipped
     */
    Verdict decide(SchedulingJob job, Map<String, JobStatus> predecessors, boolean cancelRequested);

    /**
     * @param outcome  {@link JobStatus#RUNNING} to start the job, or the terminal status to give it
     *                 without running ({@code SKIPPED}, {@code MANUAL}, {@code BLOCKED},
     *                 {@code CANCELLED})
     * @param reason   for a person, when it does not run; null when it runs
     */
    record Verdict(JobStatus outcome, String reason) {
        public static final Verdict RUN = new Verdict(JobStatus.RUNNING, null);

        public static Verdict skip(String reason) {
            return new Verdict(JobStatus.SKIPPED, reason);
        }
    }
}

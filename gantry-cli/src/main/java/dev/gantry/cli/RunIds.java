package dev.gantry.cli;

/**
 * Ids of runs on this machine: GITHUB_RUN_ID and CI_PIPELINE_ID, and the label of every container,
 * network and volume a run makes, by which its cleanup finds them. Two runs at once must never
 * share one, so seconds (GitHub's own ids are about that size) are not enough: the id is the time
 * in milliseconds followed by the last two digits of the process id.
 */
final class RunIds {

    private RunIds() {
    }

    /** A new id: a positive number of about 15 digits. */
    static long next() {
        return System.currentTimeMillis() * 100 + ProcessHandle.current().pid() % 100;
    }
}

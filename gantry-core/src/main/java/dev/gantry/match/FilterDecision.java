package dev.gantry.match;

/**
 * Whether a filter lets an event (or a job) through, and why, in words a user can act on.
 *
 * @param passes whether the workflow triggers or the job is added
 * @param reason a plain sentence without a trailing period, for example
 *               {@code branch 'release/other' is excluded by '!release/**'}
 */
public record FilterDecision(boolean passes, String reason) {

    public static FilterDecision pass(String reason) {
        return new FilterDecision(true, reason);
    }

    public static FilterDecision fail(String reason) {
        return new FilterDecision(false, reason);
    }
}

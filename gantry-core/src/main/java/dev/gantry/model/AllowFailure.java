package dev.gantry.model;

import java.util.List;

/**
 * Whether a failure of the job (or step) is tolerated: GitHub {@code continue-on-error}, GitLab
 * {@code allow_failure}.
 *
 * @param allowed    true for {@code true} (and for GitLab exit codes, which tolerate only those)
 * @param expression a GitHub expression deciding it at run time, or null
 * @param exitCodes  GitLab {@code allow_failure:exit_codes}: only these codes are tolerated; empty for any
 */
public record AllowFailure(boolean allowed, String expression, List<Integer> exitCodes) {

    public AllowFailure {
        exitCodes = List.copyOf(exitCodes);
    }

    public static final AllowFailure NO = new AllowFailure(false, null, List.of());
    public static final AllowFailure YES = new AllowFailure(true, null, List.of());
}

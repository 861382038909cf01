package dev.gantry.gitlab;

import dev.gantry.diag.EditDistance;
import java.util.Collection;
import java.util.Locale;

/**
 * Finds the known name a misspelt one was probably meant to be, for "did you mean" hints. Uses
 * the optimal string alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbours each cost one), ignoring case and treating {@code -} like {@code _}.
 */
final class Closest {

    private Closest() {
    }

    /**
     * The candidate nearest to {@code name}, or null when none is near enough: at most one edit
     * for names shorter than eight characters (two edits on a short word suggest nonsense, such as
     * {@code image} for {@code stage}), two for longer ones. Ties go to the earlier candidate.
     */
    static String to(String name, Collection<String> candidates) {
        String wanted = normal(name);
        int limit = wanted.length() < 8 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            int d = EditDistance.between(wanted, normal(candidate));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code "; did you mean 'x'?"} or the empty string, ready to append to a message. */
    static String hint(String name, Collection<String> candidates) {
        String near = to(name, candidates);
        return near == null ? "" : "; did you mean '" + near + "'?";
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}

package dev.gantry.github;

import dev.gantry.diag.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known word a misspelt one was probably meant to be, for "did you mean" hints. A
 * candidate counts when it differs only by {@code _} versus {@code -} or by case, or when its edit
 * distance is at most a third of the word's length (at least 1, at most 3): close enough to be a
 * typo, far enough to stay silent for unrelated words.
 */
final class ClosestWord {

    private ClosestWord() {
    }

    /** The best candidate for {@code word}, or empty when none is near. Ties go to the earlier candidate. */
    static Optional<String> of(String word, Collection<String> candidates) {
        String normal = normalize(word);
        int limit = Math.min(3, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = normalize(candidate).equals(normal) ? 0 : EditDistance.between(word, candidate);
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

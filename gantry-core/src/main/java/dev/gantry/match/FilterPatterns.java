package dev.gantry.match;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of GitHub filter patterns, compiled once, evaluated as "Workflow syntax for GitHub
 * Actions" (docs.github.com) describes for {@code on.push.<branches|tags>} and
 * {@code on.<push|pull_request>.paths}: patterns are checked in order, a matching pattern includes
 * the name, a matching negative pattern ({@code !...}) after it excludes it again, and a matching
 * positive pattern after that includes it again. The last matching pattern decides; a name no
 * pattern matches is not included. Immutable.
 */
public final class FilterPatterns {

    /**
     * The verdict for one name.
     *
     * @param included  whether the name is included
     * @param decidedBy the last pattern that matched, or null when none did
     */
    public record Verdict(boolean included, FilterPattern decidedBy) {
    }

    private final List<FilterPattern> patterns;

    private FilterPatterns(List<FilterPattern> patterns) {
        this.patterns = patterns;
    }

    /** Compiles the patterns in the order written. */
    public static FilterPatterns compile(List<String> patterns) {
        return new FilterPatterns(patterns.stream().map(FilterPattern::compile).toList());
    }

    /** Whether {@code name} is included, and by which pattern. */
    public Verdict evaluate(String name) {
        FilterPattern last = null;
        // Scanning backwards finds the deciding pattern first.
        for (int i = patterns.size() - 1; i >= 0 && last == null; i--) {
            if (patterns.get(i).matches(name)) {
                last = patterns.get(i);
            }
        }
        return new Verdict(last != null && !last.negated(), last);
    }

    /** The compiled patterns in order. */
    public List<FilterPattern> patterns() {
        return patterns;
    }

    /** Whether every pattern is negative, so that nothing can ever be included. */
    public boolean onlyNegations() {
        return !patterns.isEmpty() && patterns.stream().allMatch(FilterPattern::negated);
    }

    /** The problems of the individual patterns, in order. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        patterns.forEach(p -> {
            if (p.problem() != null) {
                out.add(p.problem());
            }
        });
        return out;
    }
}

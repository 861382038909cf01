package dev.gantry.match;

import java.util.List;

/**
 * One branch or tag filter of a GitHub event: {@code branches}, {@code branches-ignore},
 * {@code tags} or {@code tags-ignore} ("Workflow syntax for GitHub Actions#on.push.<branches|tags|
 * branches-ignore|tags-ignore>" and "#on.<pull_request|pull_request_target>.<branches|
 * branches-ignore>", docs.github.com). An include filter passes a name its patterns include (see
 * {@link FilterPatterns}); an ignore filter passes a name its patterns do not include. Compiled once;
 * immutable.
 */
public final class RefFilter {

    private final String key;
    private final String noun;
    private final boolean ignore;
    private final FilterPatterns patterns;

    private RefFilter(String key, String noun, boolean ignore, FilterPatterns patterns) {
        this.key = key;
        this.noun = noun;
        this.ignore = ignore;
        this.patterns = patterns;
    }

    /**
     * The filter written under {@code key} ({@code branches}, {@code branches-ignore}, {@code tags}
     * or {@code tags-ignore}) with its patterns in order.
     */
    public static RefFilter of(String key, List<String> patterns) {
        return new RefFilter(key, key.startsWith("tags") ? "tag" : "branch", key.endsWith("-ignore"),
                FilterPatterns.compile(patterns));
    }

    /** Whether the branch or tag {@code name} (without {@code refs/heads/} or {@code refs/tags/}) passes. */
    public FilterDecision check(String name) {
        FilterPatterns.Verdict v = patterns.evaluate(name);
        String subject = noun + " '" + name + "'";
        if (ignore) {
            return v.included()
                    ? FilterDecision.fail(subject + " is ignored by '" + v.decidedBy() + "' in " + key)
                    : FilterDecision.pass(subject + " is not ignored by " + key);
        }
        if (v.included()) {
            return FilterDecision.pass(subject + " matches '" + v.decidedBy() + "' in " + key);
        }
        return v.decidedBy() != null
                ? FilterDecision.fail(subject + " is excluded by '" + v.decidedBy() + "'")
                : FilterDecision.fail(subject + " matches no pattern in " + key);
    }

    /** The keyword this filter was written under. */
    public String key() {
        return key;
    }

    /** The compiled patterns. */
    public FilterPatterns patterns() {
        return patterns;
    }
}

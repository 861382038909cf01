package dev.gantry.match;

import java.util.List;

/**
 * The {@code paths} or {@code paths-ignore} filter of a GitHub {@code push} or
 * {@code pull_request} event ("Workflow syntax for GitHub Actions#on.<push|pull_request|
 * pull_request_target>.<paths|paths-ignore>" and its "Git diff comparisons", docs.github.com):
 *
 * <ul>
 *   <li>{@code paths}: the workflow runs when at least one changed file is included, negative
 *       patterns counting in order (see {@link FilterPatterns}).</li>
 *   <li>{@code paths-ignore}: the workflow runs when at least one changed file is not ignored, so a
 *       push that changes only ignored files does not trigger it.</li>
 *   <li>With either filter, no changed files means no run.</li>
 *   <li>When the changed files are unknown (GitHub: the diff could not be made), the workflow runs.</li>
 * </ul>
 *
 * Paths are relative to the repository root, with {@code /} separators. Compiled once; immutable.
 */
public final class PathFilter {

    private final String key;
    private final boolean ignore;
    private final FilterPatterns patterns;

    private PathFilter(String key, boolean ignore, FilterPatterns patterns) {
        this.key = key;
        this.ignore = ignore;
        this.patterns = patterns;
    }

    /** The filter written under {@code key} ({@code paths} or {@code paths-ignore}). */
    public static PathFilter of(String key, List<String> patterns) {
        return new PathFilter(key, key.endsWith("-ignore"), FilterPatterns.compile(patterns));
    }

    /** Whether a change of {@code changedFiles} passes; null means the changed files are unknown. */
    public FilterDecision check(List<String> changedFiles) {
        if (changedFiles == null) {
            return FilterDecision.pass("the changed files are unknown, so " + key + " does not apply");
        }
        if (changedFiles.isEmpty()) {
            return FilterDecision.fail("no files changed, and " + key + " needs a changed file");
        }
        FilterPatterns.Verdict firstRejected = null;
        String firstRejectedPath = null;
        for (String path : changedFiles) {
            FilterPatterns.Verdict v = patterns.evaluate(path);
            if (v.included() != ignore) {
                return FilterDecision.pass(ignore
                        ? "'" + path + "' is not ignored by " + key
                        : "'" + path + "' matches '" + v.decidedBy() + "' in " + key);
            }
            if (firstRejected == null && v.decidedBy() != null) {
                firstRejected = v;
                firstRejectedPath = path;
            }
        }
        if (changedFiles.size() == 1) {
            String subject = "the only changed file '" + changedFiles.get(0) + "'";
            if (ignore) {
                return FilterDecision.fail(subject + " is ignored by '" + firstRejected.decidedBy() + "' in " + key);
            }
            return FilterDecision.fail(firstRejected == null
                    ? subject + " matches no pattern in " + key
                    : subject + " is excluded by '" + firstRejected.decidedBy() + "'");
        }
        if (ignore) {
            return FilterDecision.fail("all " + changedFiles.size() + " changed files are ignored by " + key
                    + " (for example '" + firstRejectedPath + "' by '" + firstRejected.decidedBy() + "')");
        }
        String example = firstRejected == null ? ""
                : " ('" + firstRejectedPath + "' is excluded by '" + firstRejected.decidedBy() + "')";
        return FilterDecision.fail("none of the " + changedFiles.size() + " changed files matches " + key + example);
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

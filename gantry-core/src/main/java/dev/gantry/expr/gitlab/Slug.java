package dev.gantry.expr.gitlab;

import java.util.Locale;

/**
 * GitLab's slug of a name, as used by {@code CI_COMMIT_REF_SLUG}, {@code CI_PROJECT_PATH_SLUG} and
 * {@code CI_JOB_NAME_SLUG} ("Predefined CI/CD variables reference", docs.gitlab.com): lower case,
 * every character other than {@code 0-9} and {@code a-z} replaced with {@code -}, shortened to 63
 * bytes, and no leading or trailing {@code -}. Runs of {@code -} are kept, as GitLab keeps them.
 */
public final class Slug {

    /** Longest slug, in bytes: a DNS label. All slug characters are ASCII, so bytes are chars. */
    public static final int MAX_LENGTH = 63;

    private Slug() {
    }

    /** The slug of {@code name}; '' for null. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().forEach(cp ->
                out.append((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ? (char) cp : '-'));
        String cut = out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
        int start = 0;
        int end = cut.length();
        while (start < end && cut.charAt(start) == '-') {
            start++;
        }
        while (end > start && cut.charAt(end - 1) == '-') {
            end--;
        }
        return cut.substring(start, end);
    }
}

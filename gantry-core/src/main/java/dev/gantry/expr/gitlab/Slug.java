package dev.gantry.expr.gitlab;

import java.util.Locale;

/**
 * GitLab's slug of a name, as used by {@code CI_COMMIT_REF_SLUG}, {@code CI_PROJECT_PATH_SLUG} and
 * {@code CI_JOB_NAME_SLUG} ("Predefined CI/CD variables reference", docs.gitlab.com): lower case,
 * every character other than {@code 0-9} and {@code a-z} replaced with {@code -}, shortened to 63
 * bytes, and no leading or trailing {@code -}. Runs of {@code -} are kept, as GitLab keeps them.
 *
 * <p>{@code CI_ENVIRONMENT_SLUG} has its own rules ({@link #environment}).
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

    /** Longest environment slug ("CI_ENVIRONMENT_SLUG ... truncated to 24 characters"). */
    static final int ENVIRONMENT_MAX = 24;
    private static final int SUFFIX = 6;

    /**
     * {@code CI_ENVIRONMENT_SLUG} of an environment name ("Predefined CI/CD variables reference": "The
     * simplified version of the environment name, suitable for inclusion in DNS, URLs, Kubernetes
     * labels ... truncated to 24 characters. A random suffix is automatically added to uppercase
     * environment names"; gitlab-org/gitlab#415526 explains when): lower case, every character other
     * than {@code 0-9} and {@code a-z} a {@code -}, {@code env-} in front unless it starts with a letter,
     * runs of {@code -} made one. A slug that is then longer than 24 characters, or not the name
     * itself ({@code review/main}, {@code QA}), keeps its first 17 characters, a {@code -} and a suffix
     * of six base-36 digits taken from the name's SHA-256, so that two names do not share a slug;
     * otherwise a trailing {@code -} is dropped.
     *
     * @return the slug; '' for a null or empty name
     */
    public static String environment(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        name.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            char c = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ? (char) cp : '-';
            if (c != '-' || out.isEmpty() || out.charAt(out.length() - 1) != '-') {
                out.append(c);
            }
        });
        if (out.charAt(0) < 'a' || out.charAt(0) > 'z') {
            out.insert(0, out.charAt(0) == '-' ? "env" : "env-");
        }
        String slug = out.toString();
        if (slug.length() <= ENVIRONMENT_MAX && slug.equals(name)) {
            return slug.endsWith("-") ? slug.substring(0, slug.length() - 1) : slug;
        }
        String head = slug.substring(0, Math.min(slug.length(), ENVIRONMENT_MAX - SUFFIX - 1));
        return head + (head.endsWith("-") ? "" : "-") + suffix(name);
    }

    /** The last six base-36 digits of the SHA-256 of the name. */
    private static String suffix(String name) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        String digits = new java.math.BigInteger(1, digest).toString(36);
        return digits.length() <= SUFFIX ? digits : digits.substring(digits.length() - SUFFIX);
    }
}

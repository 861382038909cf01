package dev.gantry.expr.gitlab;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A GitLab regular expression literal, {@code /pattern/flags}, compiled with RE2 semantics through
 * re2j. Follows "Specify when jobs run with rules#Compare a variable to a regular expression"
 * (docs.gitlab.com):
 *
 * <ul>
 *   <li>RE2 syntax; no look-around or back-references.</li>
 *   <li>Flags after the closing slash: {@code i} (case-insensitive), {@code m} (multi-line: {@code ^}
 *       and {@code $} match at line breaks), {@code s} ({@code .} matches a line break) and
 *       {@code U} (ungreedy) &mdash; RE2's own flags, which is what GitLab hands the pattern to.</li>
 *   <li>Matching looks for the pattern anywhere in the text (a partial match); anchor with
 *       {@code ^} and {@code $} to match the whole value.</li>
 *   <li>In expressions ({@link #parse}), a {@code /} inside the pattern must be escaped as
 *       {@code \/}, and a single-character pattern like {@code /./} is not supported.</li>
 *   <li>In {@code only}/{@code except} refs ({@link #parseRefPattern}), the pattern runs from the
 *       first to the last slash, as in {@code /^release/.*$/}.</li>
 * </ul>
 *
 * <p>Immutable and safe to share.
 */
public final class RegexLiteral {

    /**
     * The outcome of parsing a literal: exactly one of the two is non-null.
     *
     * @param regex the compiled literal
     * @param error why the text is not a valid literal, a plain phrase
     */
    public record Parsed(RegexLiteral regex, String error) {
        public boolean ok() {
            return regex != null;
        }
    }

    private static final String FLAGS = "ismU";

    private final String source;
    private final Pattern pattern;

    private RegexLiteral(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** A whole string in expression syntax, such as the value of a variable holding {@code /^ab/}. */
    public static Parsed parse(String text) {
        if (text == null || !text.startsWith("/")) {
            return new Parsed(null, "a regular expression must start with '/'");
        }
        int end = literalEnd(text, 0);
        if (end < 0) {
            return new Parsed(null, literalError(text, 0));
        }
        if (end != text.length()) {
            return new Parsed(null, "unexpected text after the regular expression");
        }
        return compile(text, 0, end);
    }

    /**
     * An {@code only}/{@code except} ref pattern ({@code /^issue-.*$/i}): everything between the
     * first and the last slash is the pattern; only flag letters may follow the last slash.
     */
    public static Parsed parseRefPattern(String text) {
        if (text == null || !text.startsWith("/")) {
            return new Parsed(null, "a regular expression must start with '/'");
        }
        int close = text.lastIndexOf('/');
        if (close <= 1) {
            return new Parsed(null, "a regular expression needs a pattern between two slashes");
        }
        for (int i = close + 1; i < text.length(); i++) {
            if (FLAGS.indexOf(text.charAt(i)) < 0) {
                return new Parsed(null, "unknown regular expression flag '" + text.charAt(i) + "'");
            }
        }
        return compile(text, close, text.length());
    }

    /**
     * End (exclusive) of the expression-syntax literal starting at {@code start} (a {@code /}),
     * flags included, or -1 when there is none there. The pattern ends at the first unescaped
     * {@code /} and must hold at least two characters.
     */
    static int literalEnd(String text, int start) {
        int close = closingSlash(text, start);
        if (close < 0 || close - start - 1 < 2) {
            return -1;
        }
        int end = close + 1;
        while (end < text.length() && FLAGS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    /** Why {@link #literalEnd} found no literal at {@code start}. */
    static String literalError(String text, int start) {
        int close = closingSlash(text, start);
        if (close < 0) {
            return "regular expression has no closing '/'";
        }
        return "a regular expression needs at least two characters between the slashes";
    }

    private static int closingSlash(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Compiles {@code text[0, end)}, a literal whose pattern ends at {@code close}
     * (the last slash before the flags); {@code close == 0} means "find the closing slash".
     */
    private static Parsed compile(String text, int close, int end) {
        int slash = close > 0 ? close : closingSlash(text, 0);
        String body = text.substring(1, slash);
        String flags = text.substring(slash + 1, end);
        int re2Flags = 0;
        String prefix = "";
        for (char f : flags.toCharArray()) {
            switch (f) {
                case 'i' -> re2Flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> re2Flags |= Pattern.MULTILINE;
                case 's' -> re2Flags |= Pattern.DOTALL;
                default -> prefix = "(?U)";
            }
        }
        try {
            return new Parsed(new RegexLiteral(text.substring(0, end), Pattern.compile(prefix + body, re2Flags)), null);
        } catch (PatternSyntaxException e) {
            return new Parsed(null, "invalid regular expression: " + e.getDescription());
        }
    }

    /** Whether the pattern occurs anywhere in {@code text}. */
    public boolean find(String text) {
        return pattern.matcher(text).find();
    }

    /** The literal as written, slashes and flags included. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegexLiteral other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}

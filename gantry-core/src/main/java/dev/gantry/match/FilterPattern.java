package dev.gantry.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One GitHub Actions branch, tag or path filter pattern, compiled once. Follows "Workflow syntax
 * for GitHub Actions#Filter pattern cheat sheet" (docs.github.com):
 *
 * <ul>
 *   <li>{@code *} matches zero or more characters except {@code /}.</li>
 *   <li>{@code **} matches zero or more of any character; {@code **}{@code /} at the start of the
 *       pattern or of a path segment may also match nothing, so {@code **}{@code /*.md} matches
 *       {@code README.md} at the root, as the cheat sheet's {@code **}{@code /README.md} row shows.</li>
 *   <li>{@code ?} matches zero or one of the preceding character, {@code +} one or more of it
 *       ({@code *.jsx?}, {@code [0-9]+}); after a wildcard they add nothing.</li>
 *   <li>{@code [...]} matches one character listed or in a range; ranges only within
 *       {@code a-z}, {@code A-Z} or {@code 0-9}.</li>
 *   <li>{@code !} as the first character negates the pattern (see {@link FilterPatterns}); anywhere
 *       else it is an ordinary character.</li>
 *   <li>{@code \} makes the next character literal.</li>
 *   <li>The whole name or path must match; matching is case-sensitive.</li>
 * </ul>
 *
 * <p>A pattern that cannot mean what it says (an unclosed {@code [}, a range such as {@code [a-9]})
 * still compiles, keeping the offending characters literal, and reports it in {@link #problem()}
 * so that lint can show it. Immutable; {@link #matches} is safe to call from any thread.
 */
public final class FilterPattern {

    private final String source;
    private final boolean negated;
    private final String literal;
    private final Pattern regex;
    private final String problem;

    private FilterPattern(String source, boolean negated, String literal, Pattern regex, String problem) {
        this.source = source;
        this.negated = negated;
        this.literal = literal;
        this.regex = regex;
        this.problem = problem;
    }

    /** Compiles {@code pattern} as written in the workflow, a leading {@code !} included. */
    public static FilterPattern compile(String pattern) {
        String source = pattern == null ? "" : pattern;
        boolean negated = source.startsWith("!");
        String body = negated ? source.substring(1) : source;
        if (body.chars().noneMatch(c -> "*?+[\\".indexOf(c) >= 0)) {
            // Most filters are plain names; an equality test is all they need.
            return new FilterPattern(source, negated, body, null, null);
        }
        Translation t = new Translation(body);
        t.translate();
        try {
            return new FilterPattern(source, negated, null, Pattern.compile(t.regex.toString()), t.problem);
        } catch (PatternSyntaxException e) {
            // Translation only emits valid RE2, so this is a safety net: the pattern matches nothing.
            return new FilterPattern(source, negated, null, null, "pattern '" + source + "' cannot be used: "
                    + e.getDescription());
        }
    }

    /** Whether the pattern (without its {@code !}) matches the whole of {@code name}. */
    public boolean matches(String name) {
        if (literal != null) {
            return literal.equals(name);
        }
        return regex != null && regex.matches(name);
    }

    /** Whether the pattern starts with {@code !}. */
    public boolean negated() {
        return negated;
    }

    /** The pattern as written, {@code !} included. */
    public String source() {
        return source;
    }

    /** A plain sentence about a mistake in the pattern, or null when there is none. */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Turns the pattern into an anchored RE2 expression, one atom at a time. */
    private static final class Translation {
        private final String body;
        private final StringBuilder regex = new StringBuilder();
        /** Start of the last atom in {@link #regex}, or -1 when there is none. */
        private int lastAtom = -1;
        private boolean lastQuantified;
        private boolean afterWildcard;
        private String problem;

        Translation(String body) {
            this.body = body;
        }

        void translate() {
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                switch (c) {
                    case '*' -> i = star(i);
                    case '?', '+' -> {
                        quantify(c);
                        i++;
                    }
                    case '[' -> i = bracket(i);
                    case '\\' -> {
                        atom(i + 1 < body.length() ? body.charAt(i + 1) : '\\');
                        i += 2;
                    }
                    default -> {
                        atom(c);
                        i++;
                    }
                }
            }
        }

        private int star(int i) {
            boolean globstar = i + 1 < body.length() && body.charAt(i + 1) == '*';
            if (!globstar) {
                wildcard("[^/]*");
                return i + 1;
            }
            boolean segmentStart = i == 0 || body.charAt(i - 1) == '/';
            if (segmentStart && i + 2 < body.length() && body.charAt(i + 2) == '/') {
                wildcard("(?:.*/)?");
                return i + 3;
            }
            wildcard(".*");
            return i + 2;
        }

        /** {@code ?} and {@code +} repeat the preceding character; after a wildcard they add nothing. */
        private void quantify(char q) {
            if (afterWildcard) {
                return;
            }
            if (lastAtom < 0) {
                atom(q);
                return;
            }
            if (lastQuantified) {
                regex.insert(lastAtom, "(?:").append(')');
            }
            regex.append(q);
            lastQuantified = true;
        }

        private int bracket(int open) {
            int close = body.indexOf(']', open + 1);
            if (close < 0 || close == open + 1) {
                problem = "'[' at character " + (open + 1) + " of '" + body + "' has no closing ']' or is empty;"
                        + " it matches a literal '['";
                atom('[');
                return open + 1;
            }
            List<String> parts = new ArrayList<>();
            String content = body.substring(open + 1, close);
            for (int k = 0; k < content.length(); k++) {
                char from = content.charAt(k);
                if (k + 2 < content.length() && content.charAt(k + 1) == '-') {
                    char to = content.charAt(k + 2);
                    if (validRange(from, to)) {
                        parts.add(escapeInClass(from) + "-" + escapeInClass(to));
                    } else {
                        problem = "range '" + from + "-" + to + "' in '" + body + "' is not allowed; ranges can only"
                                + " include a-z, A-Z and 0-9";
                        parts.add(escapeInClass(from) + "\\-" + escapeInClass(to));
                    }
                    k += 2;
                } else {
                    parts.add(escapeInClass(from));
                }
            }
            startAtom();
            regex.append('[').append(String.join("", parts)).append(']');
            return close + 1;
        }

        private void wildcard(String fragment) {
            regex.append(fragment);
            lastAtom = -1;
            afterWildcard = true;
        }

        private void atom(char c) {
            startAtom();
            regex.append(escape(c));
        }

        private void startAtom() {
            lastAtom = regex.length();
            lastQuantified = false;
            afterWildcard = false;
        }

        private static boolean validRange(char from, char to) {
            return from <= to && ((from >= 'a' && to <= 'z') || (from >= 'A' && to <= 'Z')
                    || (from >= '0' && to <= '9'));
        }

        private static String escape(char c) {
            return "\\.+*?()|[]{}^$".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
        }

        private static String escapeInClass(char c) {
            return "\\]^-[".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
        }
    }
}

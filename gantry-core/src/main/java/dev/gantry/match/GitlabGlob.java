package dev.gantry.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A GitLab file glob, as used by {@code rules:changes}, {@code rules:exists} and
 * {@code only:changes}/{@code except:changes}. GitLab matches these with Ruby's
 * {@code File.fnmatch} and the flags {@code FNM_PATHNAME | FNM_DOTMATCH | FNM_EXTGLOB}
 * ("CI/CD YAML syntax reference#rules:changes" and "Deprecated keywords#only:changes /
 * except:changes", docs.gitlab.com); this class gives the same answers:
 *
 * <ul>
 *   <li>{@code *} matches any characters except {@code /}; {@code ?} one character except
 *       {@code /}.</li>
 *   <li>{@code **}{@code /} at the start of a segment matches zero or more directories, so
 *       {@code **}{@code /*.json} matches {@code a.json} and {@code x/y/a.json}. A {@code **} not
 *       followed by {@code /} is a plain {@code *}: {@code docs/**} matches {@code docs/a} but not
 *       {@code docs/a/b} (use {@code docs/**}{@code /*}).</li>
 *   <li>{@code [abc]}, {@code [a-z]}, and negated {@code [!abc]} or {@code [^abc]} match one
 *       character, never {@code /}.</li>
 *   <li>{@code {a,b}} matches either alternative; braces nest.</li>
 *   <li>Files and directories whose names start with {@code .} match like any other.</li>
 *   <li>{@code \} makes the next character literal. Matching is case-sensitive and covers the
 *       whole path, relative to the repository root with {@code /} separators.</li>
 * </ul>
 *
 * An unclosed {@code [} or {@code {} is literal, as fnmatch takes it; {@link #problem()} names it,
 * since it is most likely a typo. Immutable; compile once, match often.
 */
public final class GitlabGlob {

    /** A character class that matches nothing, for {@code [/]}, which cannot match under FNM_PATHNAME. */
    private static final String NOTHING = "[^\\x00-\\x{10FFFF}]";

    private final String source;
    private final Pattern regex;
    /** Why part of the glob is taken literally, or null. */
    private final String problem;
    /** The glob's text before its first special character: a cheap first test for every path. */
    private final String literalPrefix;

    private GitlabGlob(String source, Pattern regex, String problem) {
        this.source = source;
        this.regex = regex;
        this.problem = problem;
        int special = 0;
        while (special < source.length() && "*?[{\\".indexOf(source.charAt(special)) < 0) {
            special++;
        }
        this.literalPrefix = source.substring(0, special);
    }

    /** Compiles {@code pattern}; never fails (a pattern RE2 cannot take would match nothing). */
    public static GitlabGlob compile(String pattern) {
        String source = pattern == null ? "" : pattern;
        Translation translation = new Translation(source);
        String regex = translation.alternative(0, source.length(), true);
        try {
            return new GitlabGlob(source, Pattern.compile(regex, Pattern.DOTALL), translation.unclosed);
        } catch (PatternSyntaxException e) {
            return new GitlabGlob(source, null, "it cannot be translated to a regular expression and matches nothing");
        }
    }

    /** Compiles each pattern in order. */
    public static List<GitlabGlob> compileAll(Collection<String> patterns) {
        return patterns.stream().map(GitlabGlob::compile).toList();
    }

    /** Whether any of {@code globs} matches any of {@code paths}: the meaning of {@code changes}. */
    public static boolean anyMatch(Collection<GitlabGlob> globs, Collection<String> paths) {
        for (String path : paths) {
            for (GitlabGlob glob : globs) {
                if (glob.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the glob matches the whole of {@code path}. */
    public boolean matches(String path) {
        return regex != null && path != null && path.startsWith(literalPrefix) && regex.matches(path);
    }

    /**
     * Why the glob does not match what it seems to say, for lint: an opening {@code [} or
     * {@code {} without its closing bracket, which fnmatch takes as a literal character. Null when
     * there is nothing to say.
     */
    public String problem() {
        return problem;
    }

    /** The glob as written. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    /** fnmatch syntax to RE2, with braces turned into alternations. Used once, by one compile. */
    private static final class Translation {

        private final String glob;
        /** The first unclosed bracket, in words, or null. */
        private String unclosed;

        Translation(String glob) {
            this.glob = glob;
        }

        private void unclosed(char open, int at) {
            if (unclosed == null) {
                unclosed = "'" + open + "' at character " + (at + 1) + " has no closing '" + (open == '[' ? ']' : '}')
                        + "' and is matched literally";
            }
        }

        /** Translates {@code glob[start, end)}; {@code segmentStart} tells whether it begins a path segment. */
        String alternative(int start, int end, boolean segmentStart) {
            StringBuilder out = new StringBuilder();
            int i = start;
            while (i < end) {
                char c = glob.charAt(i);
                boolean atSegmentStart = i == start ? segmentStart : glob.charAt(i - 1) == '/';
                switch (c) {
                    case '\\' -> {
                        out.append(literal(i + 1 < end ? glob.charAt(i + 1) : '\\'));
                        i += 2;
                    }
                    case '*' -> i = star(out, i, end, atSegmentStart);
                    case '?' -> {
                        out.append("[^/]");
                        i++;
                    }
                    case '[' -> i = bracket(out, i, end);
                    case '{' -> i = braces(out, i, end, atSegmentStart);
                    default -> {
                        out.append(literal(c));
                        i++;
                    }
                }
            }
            return out.toString();
        }

        private int star(StringBuilder out, int i, int end, boolean atSegmentStart) {
            int j = i;
            while (j < end && glob.charAt(j) == '*') {
                j++;
            }
            if (j - i >= 2 && atSegmentStart && j < end && glob.charAt(j) == '/') {
                out.append("(?:[^/]*/)*");
                return j + 1;
            }
            out.append("[^/]*");
            return j;
        }

        private int bracket(StringBuilder out, int open, int end) {
            int k = open + 1;
            boolean negated = k < end && (glob.charAt(k) == '!' || glob.charAt(k) == '^');
            if (negated) {
                k++;
            }
            StringBuilder set = new StringBuilder();
            boolean first = true;
            while (k < end && (glob.charAt(k) != ']' || first)) {
                first = false;
                char from = glob.charAt(k);
                if (from == '\\' && k + 1 < end) {
                    from = glob.charAt(++k);
                }
                k++;
                if (k + 1 < end && glob.charAt(k) == '-' && glob.charAt(k + 1) != ']') {
                    char to = glob.charAt(k + 1);
                    k += 2;
                    if (to == '\\' && k < end) {
                        to = glob.charAt(k++);
                    }
                    range(set, from, to);
                } else {
                    range(set, from, from);
                }
            }
            if (k >= end) {
                unclosed('[', open);
                out.append(literal('['));
                return open + 1;
            }
            if (negated) {
                out.append("[^/").append(set).append(']');
            } else {
                out.append(set.isEmpty() ? NOTHING : "[" + set + "]");
            }
            return k + 1;
        }

        /** Adds {@code from-to} to a class, leaving out '/', which FNM_PATHNAME never lets a class match. */
        private static void range(StringBuilder set, char from, char to) {
            if (from > to) {
                return;
            }
            if (from <= '/' && '/' <= to) {
                range(set, from, (char) ('/' - 1));
                range(set, (char) ('/' + 1), to);
                return;
            }
            set.append(inClass(from));
            if (to != from) {
                set.append('-').append(inClass(to));
            }
        }

        private int braces(StringBuilder out, int open, int end, boolean atSegmentStart) {
            List<int[]> parts = new ArrayList<>();
            int depth = 0;
            int partStart = open + 1;
            for (int k = open + 1; k < end; k++) {
                char c = glob.charAt(k);
                if (c == '\\') {
                    k++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(new int[] {partStart, k});
                    partStart = k + 1;
                } else if (c == '}') {
                    parts.add(new int[] {partStart, k});
                    List<String> alternatives = new ArrayList<>();
                    for (int[] p : parts) {
                        alternatives.add(alternative(p[0], p[1], atSegmentStart));
                    }
                    out.append("(?:").append(String.join("|", alternatives)).append(')');
                    return k + 1;
                }
            }
            unclosed('{', open);
            out.append(literal('{'));
            return open + 1;
        }

        private static String literal(char c) {
            return "\\.+*?()|[]{}^$".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
        }

        private static String inClass(char c) {
            return "\\]^-[".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
        }
    }
}

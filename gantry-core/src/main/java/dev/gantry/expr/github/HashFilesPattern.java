package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code hashFiles} pattern, in the glob dialect of the {@code @actions/glob} package that the
 * documentation links to ("Evaluate expressions in workflows and actions#hashfiles", "Patterns"):
 * {@code *} and {@code ?} within one path segment (they match names that start with a dot too),
 * {@code [abc]}, {@code [a-z]} and {@code [!a]} sets, {@code \} as an escape, {@code **} as a whole
 * segment for any number of directories, a leading {@code !} to exclude, a trailing {@code /} to
 * match directories only. Matching is case-sensitive, as on the Linux runners.
 *
 * <p>Paths are relative to the workspace. A leading {@code /} or {@code ./} also means the
 * workspace root — the documentation's examples ({@code hashFiles('/lib/**}{@code /*.rb')}) use
 * {@code /} that way. {@code .} and {@code ..} segments elsewhere are rejected, as the glob package
 * rejects them.
 *
 * @param negate            written with a leading {@code !}
 * @param segments          the path segments, never empty
 * @param trailingSeparator written with a trailing {@code /}
 */
record HashFilesPattern(boolean negate, List<String> segments, boolean trailingSeparator) {

    /** The pattern text, or null after writing the reason into {@code problem[0]}. */
    static HashFilesPattern parse(String line, String[] problem) {
        String p = line.strip();
        boolean negate = false;
        while (p.startsWith("!")) {
            negate = !negate;
            p = p.substring(1).strip();
        }
        if (p.startsWith("~")) {
            problem[0] = "pattern '" + line + "' points at the home directory, outside the workspace";
            return null;
        }
        boolean trailing = p.endsWith("/");
        List<String> segments = new ArrayList<>();
        for (String s : p.split("/+")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (!segments.isEmpty() && segments.getFirst().equals(".")) {
            segments.removeFirst();
        }
        for (String s : segments) {
            String literal = literal(s);
            if (".".equals(literal) || "..".equals(literal)) {
                problem[0] = "pattern '" + line + "' uses '" + literal + "'; relative paths are not allowed";
                return null;
            }
        }
        if (segments.isEmpty()) {
            problem[0] = "pattern '" + line + "' names the workspace itself, not files in it";
            return null;
        }
        return new HashFilesPattern(negate, List.copyOf(segments), trailing);
    }

    /** The same pattern followed by {@code /**}: a pattern that names a directory also names what is inside it. */
    HashFilesPattern withDescendants() {
        List<String> s = new ArrayList<>(segments);
        s.add("**");
        return new HashFilesPattern(negate, List.copyOf(s), false);
    }

    boolean needsDescendants() {
        return trailingSeparator || !segments.getLast().equals("**");
    }

    /** The literal directories before the first segment with a wildcard: where the search starts. */
    List<String> searchPath() {
        List<String> path = new ArrayList<>();
        for (String s : segments) {
            String literal = literal(s);
            if (literal == null) {
                break;
            }
            path.add(literal);
        }
        return path;
    }

    /** Whether the pattern matches the whole path. */
    boolean matches(List<String> path) {
        return match(0, path, 0, false);
    }

    /** Whether something below {@code dir} could match, so the search must descend into it. */
    boolean mayMatchBelow(List<String> dir) {
        return match(0, dir, 0, true);
    }

    private boolean match(int pi, List<String> path, int si, boolean partial) {
        while (pi < segments.size()) {
            String seg = segments.get(pi);
            if (seg.equals("**")) {
                if (pi == segments.size() - 1) {
                    return true;
                }
                for (int skip = si; skip <= path.size(); skip++) {
                    if (match(pi + 1, path, skip, partial)) {
                        return true;
                    }
                }
                return partial && si <= path.size();
            }
            if (si >= path.size()) {
                return partial;
            }
            if (!matchSegment(seg, 0, path.get(si), 0)) {
                return false;
            }
            pi++;
            si++;
        }
        return si == path.size();
    }

    /** Whether a glob segment (without '/') matches a name. */
    static boolean matchSegment(String glob, int gi, String name, int ni) {
        while (gi < glob.length()) {
            char g = glob.charAt(gi);
            if (g == '*') {
                while (gi < glob.length() && glob.charAt(gi) == '*') {
                    gi++;
                }
                if (gi == glob.length()) {
                    return true;
                }
                for (int k = ni; k <= name.length(); k++) {
                    if (matchSegment(glob, gi, name, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ni >= name.length()) {
                return false;
            }
            char c = name.charAt(ni);
            if (g == '?') {
                gi++;
            } else if (g == '[' && setEnd(glob, gi) > 0) {
                int end = setEnd(glob, gi);
                if (!inSet(glob, gi + 1, end, c)) {
                    return false;
                }
                gi = end + 1;
            } else {
                if (g == '\\' && gi + 1 < glob.length()) {
                    gi++;
                    g = glob.charAt(gi);
                }
                if (g != c) {
                    return false;
                }
                gi++;
            }
            ni++;
        }
        return ni == name.length();
    }

    /** Index of the ']' that closes the set opened at {@code open}, or -1 when it is not a set. */
    private static int setEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ']' right after '[' or '[!' is a member
        }
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean inSet(String glob, int from, int end, char c) {
        boolean negated = glob.charAt(from) == '!' || glob.charAt(from) == '^';
        int i = negated ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = glob.charAt(i);
            if (lo == '\\' && i + 1 < end) {
                lo = glob.charAt(++i);
            } else if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && glob.charAt(i + 1) == '-') {
                char hi = glob.charAt(i + 2);
                if (c >= lo && c <= hi) {
                    found = true;
                }
                i += 3;
            } else {
                if (c == lo) {
                    found = true;
                }
                i++;
            }
        }
        return found != negated;
    }

    /** The segment as a plain name when it has no wildcard (escapes and one-character sets resolved), else null. */
    static String literal(String segment) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' && i + 1 < segment.length()) {
                sb.append(segment.charAt(++i));
            } else if (c == '*' || c == '?') {
                return null;
            } else if (c == '[' && setEnd(segment, i) > 0) {
                int end = setEnd(segment, i);
                String set = segment.substring(i + 1, end);
                if (set.length() != 1 || set.equals("!") || set.equals("^")) {
                    return null;
                }
                sb.append(set);
                i = end;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

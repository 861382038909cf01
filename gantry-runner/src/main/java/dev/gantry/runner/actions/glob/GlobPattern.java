package dev.gantry.runner.actions.glob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a path list, as the actions toolkit's glob module reads it
 * (github.com/actions/toolkit packages/glob README, "Patterns"): leading {@code !} negates (each one
 * flips), a leading {@code ~} is the home folder, a relative pattern is rooted at the base folder
 * (the workspace), {@code .} and {@code ..} segments are resolved. In a segment {@code *} matches
 * any characters but {@code /}, {@code ?} one character, {@code [abc]} and {@code [a-z]} one of a
 * set ({@code [!a]} or {@code [^a]} outside it); a segment that is exactly {@code **} matches any
 * number of segments. Dot files are matched like any other (the module's {@code dot: true}).
 */
final class GlobPattern {

    private final boolean negate;
    private final List<Segment> segments;
    private final Path searchPath;

    private GlobPattern(boolean negate, List<Segment> segments, Path searchPath) {
        this.negate = negate;
        this.segments = segments;
        this.searchPath = searchPath;
    }

    /** A pattern line (already trimmed, not blank, not a comment). */
    static GlobPattern parse(String line, Path base, Path home) {
        int bangs = 0;
        while (bangs < line.length() && line.charAt(bangs) == '!') {
            bangs++;
        }
        String text = line.substring(bangs).strip();
        if (text.equals("~") || text.startsWith("~/")) {
            text = home + text.substring(1);
        }
        if (!text.startsWith("/")) {
            text = base.toString() + "/" + text;
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split("/+")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!names.isEmpty()) {
                    names.removeLast();
                }
                continue;
            }
            names.add(name);
        }
        List<Segment> segments = new ArrayList<>();
        Path search = Path.of("/");
        boolean literal = true;
        for (String name : names) {
            Segment s = Segment.of(name);
            segments.add(s);
            if (literal && s.literal() != null) {
                search = search.resolve(s.literal());
            } else {
                literal = false;
            }
        }
        return new GlobPattern(bangs % 2 == 1, segments, search);
    }

    /** The same pattern with {@code /**} appended: what matches below a matched directory. */
    GlobPattern withDescendants() {
        List<Segment> more = new ArrayList<>(segments);
        more.add(Segment.GLOBSTAR);
        return new GlobPattern(negate, more, searchPath);
    }

    boolean negate() {
        return negate;
    }

    /** The folder the pattern's literal segments name: where a search for it starts. */
    Path searchPath() {
        return searchPath;
    }

    /** Whether the absolute path (as its names) matches the whole pattern. */
    boolean matches(List<String> path) {
        return reach(path).get(segments.size());
    }

    /** Whether something below the directory {@code path} may match. */
    boolean mayMatchBelow(List<String> path) {
        BitSet states = reach(path);
        return states.nextSetBit(0) >= 0 && states.nextSetBit(0) < segments.size();
    }

    /** The pattern positions reachable after consuming {@code path} (a small automaton over segments). */
    private BitSet reach(List<String> path) {
        BitSet states = new BitSet();
        states.set(0);
        close(states);
        for (String name : path) {
            BitSet next = new BitSet();
            for (int i = states.nextSetBit(0); i >= 0 && i < segments.size(); i = states.nextSetBit(i + 1)) {
                Segment s = segments.get(i);
                if (s == Segment.GLOBSTAR) {
                    next.set(i);
                } else if (s.matches(name)) {
                    next.set(i + 1);
                }
            }
            close(next);
            states = next;
            if (states.isEmpty()) {
                break;
            }
        }
        return states;
    }

    /** {@code **} may match no segment at all. */
    private void close(BitSet states) {
        for (int i = states.nextSetBit(0); i >= 0 && i < segments.size(); i = states.nextSetBit(i + 1)) {
            if (segments.get(i) == Segment.GLOBSTAR) {
                states.set(i + 1);
            }
        }
    }

    /** One name of a pattern: a literal, a glob, or {@code **}. */
    private record Segment(String literal, Pattern glob) {

        static final Segment GLOBSTAR = new Segment(null, null);

        static Segment of(String name) {
            if (name.equals("**")) {
                return GLOBSTAR;
            }
            if (name.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
                return new Segment(name, null);
            }
            return new Segment(null, NameGlob.compile(name, false));
        }

        boolean matches(String name) {
            return literal != null ? literal.equals(name) : glob.matcher(name).matches();
        }
    }
}

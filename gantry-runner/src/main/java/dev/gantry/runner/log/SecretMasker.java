package dev.gantry.runner.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values in output lines with {@code ***}.
 *
 * <p>Semantics follow GitHub's masking as described in "Using secrets in GitHub Actions" and
 * "Workflow commands for GitHub Actions" (section "Masking a value in a log",
 * {@code ::add-mask::}): every occurrence of every registered value is replaced, and a multi-line
 * value is registered line by line, so each of its lines is masked wherever it appears. Details:
 * <ul>
 *   <li>{@link #add} splits a value on {@code \n}, drops a {@code \r} before it, strips leading
 *       and trailing whitespace from each line and ignores lines left empty. Stripping masks more,
 *       never less: {@code " pw "} is hidden by masking {@code "pw"} wherever it occurs.</li>
 *   <li>{@link #mask} replaces each maximal run of characters covered by some occurrence by one
 *       {@code ***}. Overlapping and adjacent occurrences merge, so a value containing another is
 *       masked whole, whichever was registered first (the effect of "longest first").</li>
 *   <li>Matching is exact and by UTF-16 code unit: no case folding, no Unicode normalisation.</li>
 *   <li>The base64 encodings of a value are masked too ({@link Base64Forms}), as GitHub's runner
 *       masks "common encodings" of secrets; URL and JSON escapes are not.</li>
 * </ul>
 *
 * <p>{@code mask} expects one whole line, without its line terminator; the process output is
 * split into lines upstream, so a secret is never cut in two by a read boundary. A line delivered
 * in pieces because it exceeded the line limit of the process layer can leak the part of a secret
 * that straddles a piece boundary.
 *
 * <p>Performance: an Aho–Corasick automaton over all registered lines, rebuilt lazily on the first
 * {@code mask} after registrations. A 200-character line is scanned in a few microseconds
 * regardless of how many secrets are registered; a line with no secret returns the same instance.
 *
 * <p>Thread-safe. A value registered by {@code add} applies to every {@code mask} call that starts
 * after {@code add} returned; calls already running finish with the earlier set.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private final Set<String> values = new LinkedHashSet<>();
    /** The base64 forms of the registered values, masked as well. */
    private final Set<String> encodings = new LinkedHashSet<>();
    /** The automaton for {@link #values}; null after a registration, until the next mask. */
    private volatile Automaton automaton = Automaton.build(List.of());

    /**
     * Registers a secret value (or each line of a multi-line value). Blank values are ignored.
     * Null is ignored too, so an unset optional secret needs no check by the caller.
     */
    public void add(String value) {
        if (value == null) {
            return;
        }
        synchronized (this) {
            boolean changed = false;
            for (String line : value.split("\n", -1)) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    changed |= values.add(stripped);
                }
            }
            String whole = value.strip();
            if (!whole.isEmpty()) {
                changed |= encodings.addAll(Base64Forms.of(whole));
            }
            if (changed) {
                automaton = null;
            }
        }
    }

    /** How many distinct values (lines) are registered. */
    public synchronized int size() {
        return values.size();
    }

    /** The line with every registered value replaced by {@value #MASK}; the same instance if none occurs. */
    public String mask(String line) {
        Automaton current = automaton;
        if (current == null) {
            current = rebuild();
        }
        return current.mask(line);
    }

    private synchronized Automaton rebuild() {
        if (automaton == null) {
            List<String> all = new ArrayList<>(values);
            all.addAll(encodings);
            automaton = Automaton.build(all);
        }
        return automaton;
    }

    /**
     * An immutable Aho–Corasick automaton. Node 0 is the root. Edges are stored per node as a
     * sorted slice of {@link #edgeChars}/{@link #edgeTargets}; the root's edges also as a dense
     * table, because most characters of a line are looked up from the root.
     */
    private static final class Automaton {

        private final int[] rootEdges;      // char -> node, -1 for none
        private final int[] edgeStart;      // node -> first edge index; edgeStart[n + 1] is its end
        private final char[] edgeChars;
        private final int[] edgeTargets;
        private final int[] fail;
        /** Length of the longest registered value that ends at this node (itself or via failure links). */
        private final int[] longestMatch;

        private Automaton(int[] rootEdges, int[] edgeStart, char[] edgeChars, int[] edgeTargets, int[] fail,
                          int[] longestMatch) {
            this.rootEdges = rootEdges;
            this.edgeStart = edgeStart;
            this.edgeChars = edgeChars;
            this.edgeTargets = edgeTargets;
            this.fail = fail;
            this.longestMatch = longestMatch;
        }

        static Automaton build(List<String> patterns) {
            Trie trie = new Trie();
            patterns.forEach(trie::insert);
            return trie.compile();
        }

        private int child(int node, char c) {
            if (node == 0) {
                return rootEdges[c];
            }
            int lo = edgeStart[node];
            int hi = edgeStart[node + 1] - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = edgeChars[mid];
                if (m < c) {
                    lo = mid + 1;
                } else if (m > c) {
                    hi = mid - 1;
                } else {
                    return edgeTargets[mid];
                }
            }
            return -1;
        }

        String mask(String line) {
            if (fail.length == 1) {
                return line;
            }
            // Covered runs as [start, end] pairs; ends arrive in increasing order, so merging only
            // looks at the last runs.
            int[] runs = null;
            int count = 0;
            int node = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                int next;
                while ((next = child(node, c)) < 0 && node != 0) {
                    node = fail[node];
                }
                node = Math.max(next, 0);
                int length = longestMatch[node];
                if (length == 0) {
                    continue;
                }
                int start = i - length + 1;
                if (runs == null) {
                    runs = new int[8];
                }
                if (count > 0 && start <= runs[2 * count - 1] + 1) {
                    runs[2 * count - 1] = i;
                    runs[2 * count - 2] = Math.min(runs[2 * count - 2], start);
                    while (count > 1 && runs[2 * count - 2] <= runs[2 * count - 3] + 1) {
                        runs[2 * count - 4] = Math.min(runs[2 * count - 4], runs[2 * count - 2]);
                        runs[2 * count - 3] = i;
                        count--;
                    }
                } else {
                    if (2 * count + 2 > runs.length) {
                        runs = Arrays.copyOf(runs, runs.length * 2);
                    }
                    runs[2 * count] = start;
                    runs[2 * count + 1] = i;
                    count++;
                }
            }
            if (count == 0) {
                return line;
            }
            StringBuilder out = new StringBuilder(line.length());
            int copied = 0;
            for (int r = 0; r < count; r++) {
                out.append(line, copied, runs[2 * r]).append(MASK);
                copied = runs[2 * r + 1] + 1;
            }
            return out.append(line, copied, line.length()).toString();
        }
    }

    /** A trie under construction: siblings in linked lists, compiled into an {@link Automaton}. */
    private static final class Trie {

        private char[] label = new char[64];
        private int[] firstChild = new int[64];
        private int[] nextSibling = new int[64];
        private int[] patternLength = new int[64];
        private final int[] rootEdges = new int[Character.MAX_VALUE + 1];
        private int size = 1;

        Trie() {
            Arrays.fill(rootEdges, -1);
            firstChild[0] = -1;
            nextSibling[0] = -1;
        }

        void insert(String pattern) {
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                int next = node == 0 ? rootEdges[c] : findChild(node, c);
                if (next < 0) {
                    next = newNode(c);
                    if (node == 0) {
                        rootEdges[c] = next;
                    }
                    nextSibling[next] = firstChild[node];
                    firstChild[node] = next;
                }
                node = next;
            }
            patternLength[node] = pattern.length();
        }

        private int findChild(int node, char c) {
            for (int n = firstChild[node]; n >= 0; n = nextSibling[n]) {
                if (label[n] == c) {
                    return n;
                }
            }
            return -1;
        }

        private int newNode(char c) {
            if (size == label.length) {
                int capacity = size * 2;
                label = Arrays.copyOf(label, capacity);
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                patternLength = Arrays.copyOf(patternLength, capacity);
            }
            label[size] = c;
            firstChild[size] = -1;
            nextSibling[size] = -1;
            return size++;
        }

        Automaton compile() {
            int[] edgeStart = new int[size + 1];
            char[] edgeChars = new char[Math.max(0, size - 1)];
            int[] edgeTargets = new int[Math.max(0, size - 1)];
            int edges = 0;
            for (int node = 0; node < size; node++) {
                edgeStart[node] = edges;
                int first = edges;
                for (int n = firstChild[node]; n >= 0; n = nextSibling[n]) {
                    edgeChars[edges] = label[n];
                    edgeTargets[edges] = n;
                    edges++;
                }
                sortSlice(edgeChars, edgeTargets, first, edges);
            }
            edgeStart[size] = edges;

            int[] fail = new int[size];
            int[] longestMatch = new int[size];
            Automaton automaton = new Automaton(rootEdges, edgeStart, edgeChars, edgeTargets, fail, longestMatch);
            // Breadth-first, so that a node's failure target (always shallower) is finished first.
            int[] queue = new int[size];
            int head = 0;
            int tail = 0;
            for (int n = firstChild[0]; n >= 0; n = nextSibling[n]) {
                fail[n] = 0;
                longestMatch[n] = patternLength[n];
                queue[tail++] = n;
            }
            while (head < tail) {
                int node = queue[head++];
                for (int n = firstChild[node]; n >= 0; n = nextSibling[n]) {
                    int f = fail[node];
                    int target;
                    while ((target = automaton.child(f, label[n])) < 0 && f != 0) {
                        f = fail[f];
                    }
                    fail[n] = Math.max(target, 0);
                    longestMatch[n] = Math.max(patternLength[n], longestMatch[fail[n]]);
                    queue[tail++] = n;
                }
            }
            return automaton;
        }

        /** Insertion sort of one node's edges by character; nodes have few children. */
        private static void sortSlice(char[] chars, int[] targets, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                char c = chars[i];
                int t = targets[i];
                int j = i - 1;
                while (j >= from && chars[j] > c) {
                    chars[j + 1] = chars[j];
                    targets[j + 1] = targets[j];
                    j--;
                }
                chars[j + 1] = c;
                targets[j + 1] = t;
            }
        }
    }
}

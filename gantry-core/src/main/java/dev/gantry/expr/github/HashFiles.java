package dev.gantry.expr.github;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code hashFiles} function ("Evaluate expressions in workflows and actions#hashfiles"): one
 * SHA-256 over the SHA-256 digests of every matching file, or {@code ''} when nothing matches.
 *
 * <p>The order of the files decides the hash, so it is the runner's: each pattern's literal
 * directory prefix is a search root (roots inside another root are dropped), roots are searched in
 * the order of the patterns, and each root depth-first with the entries of a directory sorted by
 * name in byte order. A file is included when the last pattern that matches it is not an exclusion.
 * A pattern that names a directory includes everything below it. Arguments may hold several
 * patterns on separate lines; blank lines and lines starting with {@code #} are ignored. A first
 * argument {@code --follow-symbolic-links} makes the search follow links to directories.
 */
final class HashFiles {

    static final String FOLLOW_SYMLINKS = "--follow-symbolic-links";

    /** Why hashing failed: a bad pattern or an unreadable file. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private static final Comparator<WorkspaceFiles.Entry> BYTE_ORDER =
            (a, b) -> compareCodePoints(a.name(), b.name());

    private HashFiles() {
    }

    /** The hex digest for the given arguments, or {@code ""} when no file matches. */
    static String hash(WorkspaceFiles workspace, List<String> args) throws Problem {
        boolean follow = false;
        List<HashFilesPattern> patterns = new ArrayList<>();
        String[] problem = new String[1];
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i == 0 && arg.startsWith("--")) {
                if (!arg.equalsIgnoreCase(FOLLOW_SYMLINKS)) {
                    throw new Problem("unknown option '" + arg + "'; the only option is '" + FOLLOW_SYMLINKS + "'");
                }
                follow = true;
                continue;
            }
            for (String line : arg.split("\r?\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                HashFilesPattern p = HashFilesPattern.parse(trimmed, problem);
                if (p == null) {
                    throw new Problem(problem[0]);
                }
                patterns.add(p);
                if (p.needsDescendants()) {
                    patterns.add(p.withDescendants());
                }
            }
        }
        MessageDigest all = sha256();
        boolean any = false;
        try {
            for (List<String> root : searchRoots(patterns)) {
                any |= search(workspace, patterns, root, follow, all);
            }
        } catch (IOException e) {
            throw new Problem("cannot read the workspace: " + e.getMessage());
        }
        return any ? HexFormat.of().formatHex(all.digest()) : "";
    }

    /** The search roots in pattern order, without duplicates and without roots inside other roots. */
    private static List<List<String>> searchRoots(List<HashFilesPattern> patterns) {
        List<List<String>> candidates = new ArrayList<>();
        for (HashFilesPattern p : patterns) {
            if (!p.negate()) {
                candidates.add(p.searchPath());
            }
        }
        List<List<String>> roots = new ArrayList<>();
        for (List<String> c : candidates) {
            boolean covered = roots.contains(c) || candidates.stream()
                    .anyMatch(other -> other.size() < c.size() && c.subList(0, other.size()).equals(other));
            if (!covered) {
                roots.add(c);
            }
        }
        return roots;
    }

    private static boolean search(WorkspaceFiles ws, List<HashFilesPattern> patterns, List<String> root,
                                  boolean follow, MessageDigest all) throws IOException, Problem {
        boolean any = false;
        Deque<Item> stack = new ArrayDeque<>();
        WorkspaceFiles.Entry start = entry(ws, root, follow);
        if (start == null) {
            return false;
        }
        stack.push(new Item(root, start));
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            boolean matched = matchesFile(patterns, item.path());
            if (item.entry().directory()) {
                if (matched || patterns.stream().anyMatch(p -> !p.negate() && p.mayMatchBelow(item.path()))) {
                    List<WorkspaceFiles.Entry> children = new ArrayList<>(ws.list(join(item.path()), follow));
                    children.sort(BYTE_ORDER.reversed());
                    for (WorkspaceFiles.Entry child : children) {
                        List<String> path = new ArrayList<>(item.path());
                        path.add(child.name());
                        stack.push(new Item(path, child));
                    }
                }
            } else if (matched && item.entry().file()) {
                all.update(ws.sha256(join(item.path())));
                any = true;
            }
        }
        return any;
    }

    private record Item(List<String> path, WorkspaceFiles.Entry entry) {
    }

    /** The entry a search root names, or null when it does not exist. The workspace root is a directory. */
    private static WorkspaceFiles.Entry entry(WorkspaceFiles ws, List<String> path, boolean follow) throws IOException {
        if (path.isEmpty()) {
            return new WorkspaceFiles.Entry("", true, false);
        }
        String name = path.getLast();
        for (WorkspaceFiles.Entry e : ws.list(join(path.subList(0, path.size() - 1)), follow)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Whether the last pattern that matches the path includes it; patterns with a trailing '/' match directories only. */
    private static boolean matchesFile(List<HashFilesPattern> patterns, List<String> path) {
        boolean included = false;
        for (HashFilesPattern p : patterns) {
            if (p.trailingSeparator() || !p.matches(path)) {
                continue;
            }
            included = !p.negate();
        }
        return included;
    }

    private static String join(List<String> path) {
        return String.join("/", path);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Code point order, which is the byte order of UTF-8 names that the runner's directory listing sorts by. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

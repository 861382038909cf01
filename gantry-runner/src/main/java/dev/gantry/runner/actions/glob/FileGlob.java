package dev.gantry.runner.actions.glob;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of path patterns ({@link GlobPattern}, one per line; blank lines and lines starting with
 * {@code #} are skipped) and the search for what they match, as the actions toolkit's glob module
 * does it (github.com/actions/toolkit packages/glob README): the walk starts at each pattern's
 * search path, visits folders in name order, and keeps a path when the last pattern matching it is
 * not an exclusion. With {@link Options#implicitDescendants()}, a pattern that matches a folder
 * matches everything below it too, exclusions included ({@code !build/tmp} leaves out the folder and
 * its contents).
 */
public final class FileGlob {

    /**
     * How to search.
     *
     * @param implicitDescendants a matched folder brings everything below it
     * @param followSymlinks      follow links to folders and report links by their target; a broken
     *                            link is left out. Without it links are reported as themselves.
     * @param excludeHidden       leave out files and folders whose name starts with a dot
     */
    public record Options(boolean implicitDescendants, boolean followSymlinks, boolean excludeHidden) {
    }

    /**
     * A path the patterns matched.
     *
     * @param path      absolute
     * @param directory a folder (when links are followed, a link to a folder counts as one)
     */
    public record Match(Path path, boolean directory) {
    }

    private final List<GlobPattern> patterns;

    private FileGlob(List<GlobPattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * Reads the pattern lines.
     *
     * @param lines the patterns, one per element (each may itself hold several lines)
     * @param base  where relative patterns start (the workspace)
     * @param home  what {@code ~} means
     */
    public static FileGlob of(List<String> lines, Path base, Path home) {
        List<GlobPattern> patterns = new ArrayList<>();
        for (String element : lines) {
            for (String line : element.split("\r?\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    patterns.add(GlobPattern.parse(trimmed, base.toAbsolutePath(), home.toAbsolutePath()));
                }
            }
        }
        return new FileGlob(patterns);
    }

    /**
     * The search paths of the including patterns, without duplicates and without paths below
     * another one, in pattern order (what upload-artifact's least common ancestor rule uses).
     */
    public List<Path> searchPaths() {
        List<Path> all = new ArrayList<>();
        for (GlobPattern p : patterns) {
            if (!p.negate() && !all.contains(p.searchPath())) {
                all.add(p.searchPath());
            }
        }
        List<Path> roots = new ArrayList<>();
        for (Path candidate : all) {
            if (all.stream().noneMatch(other -> !other.equals(candidate) && candidate.startsWith(other))) {
                roots.add(candidate);
            }
        }
        return roots;
    }

    /** Every matching path, folders before what they contain, each once. */
    public List<Match> find(Options options) throws IOException {
        List<GlobPattern> effective = new ArrayList<>();
        for (GlobPattern p : patterns) {
            effective.add(p);
            if (options.implicitDescendants()) {
                effective.add(p.withDescendants());
            }
        }
        List<Match> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path root : searchPaths()) {
            visit(root, names(root), effective, options, found, seen, new HashSet<>());
        }
        return found;
    }

    private void visit(Path path, List<String> names, List<GlobPattern> effective, Options options, List<Match> found,
                       Set<Path> seen, Set<Path> ancestors) throws IOException {
        if (options.excludeHidden() && path.getFileName() != null && path.getFileName().toString().startsWith(".")) {
            return;
        }
        BasicFileAttributes attributes = attributes(path, options.followSymlinks());
        if (attributes == null) {
            return;
        }
        boolean included = false;
        for (GlobPattern p : effective) {
            if (p.matches(names)) {
                included = !p.negate();
            }
        }
        boolean directory = attributes.isDirectory();
        if (included && seen.add(path)) {
            found.add(new Match(path, directory));
        }
        if (!directory || effective.stream().noneMatch(p -> !p.negate() && p.mayMatchBelow(names))) {
            return;
        }
        Path real = options.followSymlinks() ? path.toRealPath() : path;
        if (!ancestors.add(real)) {
            return; // a link back up the tree
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            stream.forEach(children::add);
        } catch (NoSuchFileException e) {
            ancestors.remove(real);
            return;
        }
        children.sort(null);
        for (Path child : children) {
            List<String> childNames = new ArrayList<>(names);
            childNames.add(child.getFileName().toString());
            visit(child, childNames, effective, options, found, seen, ancestors);
        }
        ancestors.remove(real);
    }

    /** The attributes, or null when the path does not exist (or is a broken link that is followed). */
    private static BasicFileAttributes attributes(Path path, boolean follow) throws IOException {
        try {
            return follow ? Files.readAttributes(path, BasicFileAttributes.class)
                    : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static List<String> names(Path absolute) {
        List<String> names = new ArrayList<>();
        absolute.forEach(n -> names.add(n.toString()));
        return names;
    }
}

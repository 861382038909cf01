package dev.gantry.runner.gitlab;

import dev.gantry.match.GitlabGlob;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of a job's project directory {@code artifacts:paths} or {@code cache:paths} select
 * ("CI/CD YAML syntax reference#artifacts:paths", "#artifacts:exclude", "#artifacts:untracked",
 * "#cache:paths"), relative to the project directory:
 *
 * <ul>
 *   <li>a pattern is a glob ({@link GitlabGlob}: {@code *}, {@code ?}, {@code [..]}, {@code {a,b}},
 *       and {@code **}{@code /} for any number of directories); a pattern that names a directory,
 *       literally or by a glob, selects everything under it, so {@code build/} and {@code build/**}
 *       both take the whole tree;</li>
 *   <li>{@code untracked} adds every file the job created (not in the fresh copy it started with),
 *       which for a fresh clone is what git reports as untracked, ignored files included;</li>
 *   <li>{@code exclude} patterns then remove files; a pattern naming a directory removes its tree;</li>
 *   <li>{@code .git} is never selected; paths leaving the project directory select nothing.</li>
 * </ul>
 */
final class PathSelection {

    private PathSelection() {
    }

    /**
     * @param root      the project directory
     * @param paths     the (expanded) path patterns
     * @param exclude   the (expanded) exclude patterns
     * @param untracked whether to add files the job created
     * @param initial   the files of the fresh copy, for {@code untracked}
     * @return relative paths of files and symlinks, with {@code /}, sorted
     */
    static List<String> select(Path root, List<String> paths, List<String> exclude, boolean untracked,
                               Set<String> initial) throws IOException {
        List<GitlabGlob> include = paths.stream().map(PathSelection::normalize).filter(p -> !p.isEmpty())
                .map(GitlabGlob::compile).toList();
        List<GitlabGlob> excluded = exclude.stream().map(PathSelection::normalize).filter(p -> !p.isEmpty())
                .map(GitlabGlob::compile).toList();
        Set<String> out = new LinkedHashSet<>();
        for (String file : files(root)) {
            boolean selected = untracked && !initial.contains(file) || matchesOrUnder(include, file);
            if (selected && !matchesOrUnder(excluded, file)) {
                out.add(file);
            }
        }
        return out.stream().sorted().toList();
    }

    /** Every file and symlink below {@code root}, except the {@code .git} directory, relative with {@code /}. */
    static Set<String> files(Path root) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root.resolve(".git")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(relative(root, file));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** True when a glob matches the file or one of its parent directories. */
    private static boolean matchesOrUnder(List<GitlabGlob> globs, String file) {
        if (globs.isEmpty()) {
            return false;
        }
        String path = file;
        while (true) {
            for (GitlabGlob g : globs) {
                if (g.matches(path)) {
                    return true;
                }
            }
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            path = path.substring(0, slash);
        }
    }

    /** {@code ./a/b/} as {@code a/b}; a trailing {@code /**} means the directory's tree; '' for a path leaving the root. */
    private static String normalize(String pattern) {
        String p = pattern.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/**") || p.endsWith("/")) {
            p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p.substring(0, p.length() - 3);
        }
        if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
            return "";
        }
        return p;
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}

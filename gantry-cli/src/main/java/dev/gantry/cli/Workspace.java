package dev.gantry.cli;

import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.runner.git.RevisionFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the pipeline files of a folder and loads them relative to their repository, so that
 * GitLab includes resolve from the repository root while messages name files as the user sees them.
 */
final class Workspace {

    private final Path cwd;

    Workspace(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    /**
     * As {@link #discover(Path)}, in a committed revision of the repository ({@code --ref}) when
     * {@code revision} is not null: the files need not exist in the working tree.
     *
     * @throws IOException when the revision names no commit of the repository {@code dir} is in
     */
    List<Path> discover(Path dir, String revision) throws IOException {
        if (revision == null) {
            return discover(dir);
        }
        Path base = cwd.resolve(dir).normalize();
        SourceFiles files = revisionFiles(base, revision);
        List<Path> found = new ArrayList<>();
        for (String glob : List.of(".github/workflows/*.yml", ".github/workflows/*.yaml", ".gitlab-ci.yml")) {
            files.glob(glob).forEach(p -> found.add(base.resolve(p)));
        }
        found.sort(null);
        return found;
    }

    /** Whether {@code file} is a file of the revision (of the working tree when {@code revision} is null). */
    boolean exists(Path file, String revision) throws IOException {
        Path abs = cwd.resolve(file).normalize();
        if (revision == null) {
            return Files.isRegularFile(abs);
        }
        Path root = projectRoot(abs);
        return revisionFiles(root, revision).read(root.relativize(abs).toString().replace('\\', '/')).isPresent();
    }

    private static SourceFiles revisionFiles(Path projectRoot, String revision) throws IOException {
        return RevisionFiles.of(projectRoot, revision).orElseThrow(() -> new IOException(
                "no commit '" + revision + "' in the repository of " + projectRoot));
    }

    /** Every workflow under {@code dir/.github/workflows} and {@code dir/.gitlab-ci.yml}, sorted. */
    List<Path> discover(Path dir) {
        Path base = cwd.resolve(dir).normalize();
        List<Path> found = new ArrayList<>();
        Path workflows = base.resolve(".github/workflows");
        if (Files.isDirectory(workflows)) {
            try (Stream<Path> s = Files.list(workflows)) {
                s.filter(p -> Files.isRegularFile(p)
                                && (p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")))
                        .sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path gitlab = base.resolve(".gitlab-ci.yml");
        if (Files.isRegularFile(gitlab)) {
            found.add(gitlab);
        }
        return found;
    }

    /** Loads a file; diagnostics name files relative to the current directory. */
    LoadResult load(Path file) {
        try {
            return load(file, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the working tree is read without throwing
        }
    }

    /**
     * Loads a file from the working tree, or from a committed revision with its includes when
     * {@code revision} is not null; diagnostics name files relative to the current directory.
     *
     * @throws IOException when the revision names no commit
     */
    LoadResult load(Path file, String revision) throws IOException {
        return load(file, revision, Map.of());
    }

    /**
     * As {@link #load(Path, String)}, with GitLab pipeline inputs for the file's {@code spec:inputs}.
     *
     * @param inputs pipeline inputs by name ({@code -i NAME=VALUE}); GitHub workflows ignore them here
     */
    LoadResult load(Path file, String revision, Map<String, String> inputs) throws IOException {
        return load(file, revision, inputs, dev.gantry.gitlab.IncludeFilter.EVERY);
    }

    /**
     * As {@link #load(Path, String, Map)}, reading only the GitLab {@code include} entries whose rules
     * {@code includes} accepts: the configuration as it is created for one run.
     */
    LoadResult load(Path file, String revision, Map<String, String> inputs, dev.gantry.gitlab.IncludeFilter includes)
            throws IOException {
        Path abs = cwd.resolve(file).normalize();
        Path root = projectRoot(abs);
        String rel = root.relativize(abs).toString().replace('\\', '/');
        LoadResult r = PipelineLoader.load(rel, revision == null ? new DirectorySourceFiles(root)
                : revisionFiles(root, revision), null, inputs, includes);
        return new LoadResult(display(root, r.file()), r.pipeline(),
                r.diagnostics().stream().map(d -> new dev.gantry.diag.Diagnostic(d.severity(),
                        new dev.gantry.diag.SourceRange(display(root, d.range().file()), d.range().line(),
                                d.range().column(), d.range().endLine(), d.range().endColumn()),
                        d.message(), d.rule())).toList());
    }

    /** A path as the user sees it from the current directory. */
    String display(Path root, String repoRelative) {
        Path p = root.resolve(repoRelative).normalize();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /**
     * The project a pipeline file belongs to, as GitHub and GitLab see it: the folder that holds
     * {@code .github/} for a workflow, the folder of a {@code .gitlab-ci.yml}; for any other file the
     * nearest folder above it that holds {@code .git}, else its own folder. A project may be a
     * subfolder of a git repository (a monorepo, or the examples of this one): includes resolve
     * from it and its workspace is a copy of it.
     */
    static Path projectRoot(Path file) {
        Path parent = file.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("workflows")
                && parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals(".github")) {
            return parent.getParent().getParent();
        }
        String name = file.getFileName().toString();
        if (name.endsWith("gitlab-ci.yml") || name.endsWith("gitlab-ci.yaml")) {
            return parent;
        }
        for (Path d = parent; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return parent;
    }
}

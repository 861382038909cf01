package dev.gantry.runner.git;

import dev.gantry.load.SourceFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a project as a committed revision holds them ({@code gantry run --ref REV}): the
 * pipeline file, its includes, local actions and called workflows are read from the commit being
 * run, as GitHub and GitLab read them, not from the working tree. Paths are relative to the
 * project, which may be a subfolder of its repository.
 *
 * <p>The list of files is read once; contents are read from the object database when asked.
 * Thread-safe (immutable).
 */
public final class RevisionFiles implements SourceFiles {

    private final File gitDir;
    /** Project-relative path to blob, sorted. */
    private final Map<String, ObjectId> blobs;

    private RevisionFiles(File gitDir, Map<String, ObjectId> blobs) {
        this.gitDir = gitDir;
        this.blobs = blobs;
    }

    /**
     * @param projectRoot the project's folder, inside a git work tree
     * @param revision    a revision as git reads it (branch, tag, SHA, {@code HEAD~1})
     * @return empty when the folder is in no repository or the revision names no commit
     * @throws IOException when the repository cannot be read
     */
    public static Optional<RevisionFiles> of(Path projectRoot, String revision) throws IOException {
        JGitSettings.apply();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(projectRoot.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.setMustExist(true).build(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id;
            try {
                id = repo.resolve(revision + "^{commit}");
            } catch (RevisionSyntaxException e) {
                id = null;
            }
            if (id == null || repo.isBare()) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(id);
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path project = projectRoot.toRealPath();
            String prefix = workTree.equals(project) ? ""
                    : workTree.relativize(project).toString().replace('\\', '/') + "/";
            Map<String, ObjectId> blobs = new TreeMap<>();
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    String path = tree.getPathString();
                    FileMode mode = tree.getFileMode(0);
                    if (path.startsWith(prefix) && (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)) {
                        blobs.put(path.substring(prefix.length()), tree.getObjectId(0));
                    }
                }
            }
            return Optional.of(new RevisionFiles(builder.getGitDir(), blobs));
        }
    }

    @Override
    public Optional<String> read(String path) {
        ObjectId blob = blobs.get(stripSlash(path));
        if (blob == null) {
            return Optional.empty();
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            return Optional.of(new String(repo.open(blob).getCachedBytes(Integer.MAX_VALUE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the revision", e);
        }
    }

    @Override
    public List<String> glob(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + stripSlash(glob));
        return blobs.keySet().stream().filter(p -> matcher.matches(Path.of(p))).toList();
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

package dev.gantry.runner.workspace;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Prepares a job's workspace from the user's repository: {@link #fromWorkingTree} copies the
 * working tree as it is (tracked and untracked-but-not-ignored files, so local edits are tested);
 * {@link #fromRevision} checks a committed revision out of the object database ({@code --ref}).
 * Both preserve executable bits and symlinks, leave submodules as empty directories (as
 * actions/checkout does without {@code submodules:}) and add a {@code .git} described in
 * {@link GitDirectory}. Files are always copied, never hard-linked: steps may change files in
 * place. Git filters (LFS, {@code core.autocrlf}, {@code .gitattributes} eol) are not applied to
 * revision checkouts: files are written as stored.
 *
 * <p>Contract: the destination must not exist or be an empty directory, outside the repository's
 * working tree. Never throws for bad input: problems come back as {@link WorkspaceResult.Failed}.
 * The user's repository is only read. Thread-safe: one instance may prepare several workspaces
 * at once (each call uses its own threads).
 */
public final class WorkspacePreparer {

    private final ParallelWriter writer;
    /** Working trees read once, by project root; null when every workspace reads afresh. */
    private final Map<Path, WorkingTree> workingTrees;

    /** A preparer with four writer threads, the best setting measured by bench/workspace.sh. */
    public WorkspacePreparer() {
        this(4);
    }

    /** A preparer with {@code threads} writer threads (1 writes sequentially). */
    public WorkspacePreparer(int threads) {
        this(threads, false);
    }

    private WorkspacePreparer(int threads, boolean oneReading) {
        this.writer = new ParallelWriter(Math.max(1, threads));
        this.workingTrees = oneReading ? new ConcurrentHashMap<>() : null;
    }

    /**
     * A preparer for the jobs of one run: the first working-tree workspace lists the files and
     * reads the git state (HEAD, refs, index); later workspaces copy the same files, with their
     * contents as they are when each is written (a file deleted in between is left out). Saves
     * opening the repository and walking the tree once per job.
     */
    public static WorkspacePreparer forRun() {
        return new WorkspacePreparer(4, true);
    }

    /**
     * Reads the working tree of the project at {@code repositoryRoot} now, on the calling thread,
     * for the run's first workspace to find ready (a preparer made by {@link #forRun} only; any
     * other does nothing). Problems are left for that workspace to report.
     */
    public void readAhead(Path repositoryRoot) {
        if (workingTrees == null) {
            return;
        }
        File gitDir = new FileRepositoryBuilder().findGitDir(repositoryRoot.toFile()).getGitDir();
        if (gitDir == null) {
            return;
        }
        try {
            workingTree(gitDir, repositoryRoot);
        } catch (IOException | RuntimeException e) {
            // The first workspace reads again and reports it.
        }
    }

    /**
     * Copies the working tree of the project at {@code repositoryRoot} to {@code destination}: the
     * root of a git working tree, a folder inside one (only that folder is copied, without a
     * {@code .git}), or a folder in no repository (copied whole).
     */
    public WorkspaceResult fromWorkingTree(Path repositoryRoot, Path destination) {
        return prepare(repositoryRoot, destination, null);
    }

    /** Checks {@code revision} (anything git accepts: a branch, tag, sha, {@code HEAD~2}) out to {@code destination}. */
    public WorkspaceResult fromRevision(Path repositoryRoot, String revision, Path destination) {
        return prepare(repositoryRoot, destination, revision);
    }

    private WorkspaceResult prepare(Path projectRoot, Path destination, String revision) {
        Optional<String> problem = checkDestination(projectRoot, destination);
        if (problem.isPresent()) {
            return new WorkspaceResult.Failed(problem.get());
        }
        File gitDir = new FileRepositoryBuilder().findGitDir(projectRoot.toFile()).getGitDir();
        if (gitDir == null) {
            return revision == null ? copyPlainFolder(projectRoot, destination)
                    : new WorkspaceResult.Failed("--ref needs a git repository, and " + projectRoot + " is not in one");
        }
        try {
            if (revision == null) {
                WorkingTree tree = workingTrees == null ? WorkingTree.read(gitDir, projectRoot)
                        : workingTree(gitDir, projectRoot);
                return tree.writeTo(destination, writer);
            }
            // No readEnvironment(): GIT_DIR and friends of Gantry's caller must not redirect the copy.
            try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
                return checkOut(repository, projectRoot, revision, destination);
            }
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            return new WorkspaceResult.Failed(projectRoot + " is not in a readable git repository");
        } catch (WorkingTree.BareRepositoryException e) {
            return new WorkspaceResult.Failed(projectRoot + " is in a bare repository, which has no working tree");
        } catch (IOException | RuntimeException e) {
            return new WorkspaceResult.Failed("could not prepare the workspace in " + destination + ": " + e.getMessage());
        }
    }

    /** The run's reading of a working tree, made by the first workspace that needs it. */
    private WorkingTree workingTree(File gitDir, Path projectRoot) throws IOException {
        try {
            return workingTrees.computeIfAbsent(projectRoot.toAbsolutePath().normalize(), root -> {
                try {
                    return WorkingTree.read(gitDir, root);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private WorkspaceResult checkOut(Repository repository, Path projectRoot, String revision, Path destination)
            throws IOException {
        if (repository.isBare()) {
            throw new WorkingTree.BareRepositoryException();
        }
        long started = System.nanoTime();
        Path workTree = repository.getWorkTree().toPath();
        String prefix = subfolderPrefix(workTree, projectRoot);
        RevCommit commit = resolve(repository, revision);
        if (commit == null) {
            return new WorkspaceResult.Failed("revision '" + revision + "' is not a commit of " + workTree);
        }
        List<WorkspaceEntry> entries = within(RevisionListing.list(repository, commit), prefix);
        long listed = System.nanoTime();
        writer.writeAll(entries, destination, () -> new BlobWriter(repository.newObjectReader()));
        Ref branch = revision.startsWith(Constants.R_HEADS) ? repository.exactRef(revision)
                : repository.exactRef(Constants.R_HEADS + revision);
        String head = branch != null && commit.equals(branch.getObjectId()) ? branch.getName() : commit.name();
        if (prefix.isEmpty()) {
            GitDirectory.read(repository, head, null).writeTo(destination);
            GitDirectory.writeIndex(repository, destination, commit);
        }
        return prepared(destination, commit, head, entries.size(), Duration.ofNanos(listed - started), listed);
    }

    /** {@code sub/dir/} for a project below the work tree's root, "" for the root itself. */
    static String subfolderPrefix(Path workTree, Path projectRoot) throws IOException {
        Path tree = workTree.toRealPath();
        Path project = projectRoot.toRealPath();
        return tree.equals(project) ? "" : tree.relativize(project).toString().replace('\\', '/') + "/";
    }

    /** The entries below {@code prefix}, with paths relative to it; all of them for "". */
    static List<WorkspaceEntry> within(List<WorkspaceEntry> entries, String prefix) {
        if (prefix.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> e.path().startsWith(prefix))
                .map(e -> new WorkspaceEntry(e.path().substring(prefix.length()), e.kind(), e.blob())).toList();
    }

    /** A folder that is in no git repository: every file in it, as it is. */
    private WorkspaceResult copyPlainFolder(Path root, Path destination) {
        long started = System.nanoTime();
        List<WorkspaceEntry> entries = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                WorkspaceEntry.Kind kind = Files.isSymbolicLink(p) ? WorkspaceEntry.Kind.SYMLINK
                        : !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? null
                        : Files.isExecutable(p) ? WorkspaceEntry.Kind.EXECUTABLE : WorkspaceEntry.Kind.FILE;
                if (kind != null) {
                    entries.add(new WorkspaceEntry(root.relativize(p).toString().replace('\\', '/'), kind, null));
                }
            }
            long listed = System.nanoTime();
            writer.writeAll(entries, destination, () -> (entry, target) -> Files.copy(root.resolve(entry.path()),
                    target, LinkOption.NOFOLLOW_LINKS));
            return new WorkspaceResult.Prepared(destination, Optional.empty(), Optional.empty(), entries.size(),
                    Duration.ofNanos(listed - started), Duration.ofNanos(System.nanoTime() - listed));
        } catch (IOException | RuntimeException e) {
            return new WorkspaceResult.Failed("could not copy " + root + " to " + destination + ": " + e.getMessage());
        }
    }

    static WorkspaceResult prepared(Path root, ObjectId commit, String head, int files, Duration listing,
                                    long writingStarted) {
        return new WorkspaceResult.Prepared(root, Optional.ofNullable(commit).map(ObjectId::name),
                head.startsWith("refs/") ? Optional.of(head) : Optional.empty(), files, listing,
                Duration.ofNanos(System.nanoTime() - writingStarted));
    }

    private static RevCommit resolve(Repository repository, String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            return null;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    private static Optional<String> checkDestination(Path repositoryRoot, Path destination) {
        try {
            Path root = repositoryRoot.toRealPath();
            Path target = destination.toAbsolutePath().normalize();
            Path existing = target;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && existing.toRealPath().resolve(existing.relativize(target)).startsWith(root)) {
                return Optional.of("the workspace " + destination + " must be outside the repository " + root);
            }
            if (Files.exists(target)) {
                try (Stream<Path> children = Files.list(target)) {
                    if (children.findAny().isPresent()) {
                        return Optional.of("the workspace " + destination + " is not empty");
                    }
                }
            } else {
                Files.createDirectories(target);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot use " + destination + " as a workspace: " + e.getMessage());
        }
    }

    /** Writes blobs from the object database; owns one reader, as readers are not thread-safe. */
    private record BlobWriter(ObjectReader reader) implements ParallelWriter.EntryWriter {

        @Override
        public void write(WorkspaceEntry entry, Path target) throws IOException {
            if (entry.kind() == WorkspaceEntry.Kind.SYMLINK) {
                String link = new String(reader.open(entry.blob()).getCachedBytes(), StandardCharsets.UTF_8);
                Files.createSymbolicLink(target, Path.of(link));
                return;
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                reader.open(entry.blob()).copyTo(out);
            }
            if (entry.kind() == WorkspaceEntry.Kind.EXECUTABLE) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}

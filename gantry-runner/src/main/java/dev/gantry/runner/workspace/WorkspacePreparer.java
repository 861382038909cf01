package dev.gantry.runner.workspace;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * <p>A folder inside a working tree (a project in a monorepo, such as {@code examples/java-service}
 * run with {@code -C}) gives a workspace of that folder's files only, and no {@code .git}: the
 * repository's index and commits describe the whole tree, so a {@code .git} there would show every
 * other file as deleted.
 *
 * <p>Contract: the destination must not exist or be an empty directory, outside the repository's
 * working tree. Never throws for bad input: problems come back as {@link WorkspaceResult.Failed}.
 * The user's repository is only read. Thread-safe: one instance may prepare several workspaces
 * at once (each call uses its own threads).
 */
public final class WorkspacePreparer {

    private final ParallelWriter writer;

    /** A preparer with four writer threads, the best setting measured (docs/PERFORMANCE.md). */
    public WorkspacePreparer() {
        this(4);
    }

    /** A preparer with {@code threads} writer threads (1 writes sequentially). */
    public WorkspacePreparer(int threads) {
        this.writer = new ParallelWriter(Math.max(1, threads));
    }

    /** Copies the working tree of the repository at {@code repositoryRoot} to {@code destination}. */
    public WorkspaceResult fromWorkingTree(Path repositoryRoot, Path destination) {
        return prepare(repositoryRoot, destination, null);
    }

    /** Checks {@code revision} (anything git accepts: a branch, tag, sha, {@code HEAD~2}) out to {@code destination}. */
    public WorkspaceResult fromRevision(Path repositoryRoot, String revision, Path destination) {
        return prepare(repositoryRoot, destination, revision);
    }

    private WorkspaceResult prepare(Path repositoryRoot, Path destination, String revision) {
        Optional<String> problem = checkDestination(repositoryRoot, destination);
        if (problem.isPresent()) {
            return new WorkspaceResult.Failed(problem.get());
        }
        try (Repository repository = open(repositoryRoot)) {
            long started = System.nanoTime();
            Path workTree = repository.getWorkTree().toPath();
            String folder = subfolder(workTree, repositoryRoot);
            if (revision == null) {
                List<WorkspaceEntry> entries = within(WorkingTreeListing.list(repository), folder);
                long listed = System.nanoTime();
                Path source = workTree.resolve(folder);
                writer.writeAll(entries, destination, () -> (entry, target) -> Files.copy(source.resolve(entry.path()),
                        target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
                String head = Optional.ofNullable(repository.getFullBranch()).orElse(Constants.R_HEADS + "main");
                ObjectId commit = repository.resolve(Constants.HEAD);
                if (folder.isEmpty()) {
                    GitDirectory.create(repository, destination, head, repository.getIndexFile(), null);
                }
                return prepared(destination, commit, head, entries.size(), started, listed);
            }
            RevCommit commit = resolve(repository, revision);
            if (commit == null) {
                return new WorkspaceResult.Failed("revision '" + revision + "' is not a commit of " + workTree);
            }
            List<WorkspaceEntry> entries = within(RevisionListing.list(repository, commit), folder);
            long listed = System.nanoTime();
            writer.writeAll(entries, destination, () -> new BlobWriter(repository.newObjectReader()));
            Ref branch = revision.startsWith(Constants.R_HEADS) ? repository.exactRef(revision)
                    : repository.exactRef(Constants.R_HEADS + revision);
            String head = branch != null && commit.equals(branch.getObjectId()) ? branch.getName() : commit.name();
            if (folder.isEmpty()) {
                GitDirectory.create(repository, destination, head, null, commit);
            }
            return prepared(destination, commit, head, entries.size(), started, listed);
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            return new WorkspaceResult.Failed(repositoryRoot + " is not in a git working tree");
        } catch (IOException | RuntimeException e) {
            return new WorkspaceResult.Failed("could not prepare the workspace in " + destination + ": " + e.getMessage());
        }
    }

    /** The folder's path in the working tree with a trailing {@code /}, or "" for the working tree itself. */
    private static String subfolder(Path workTree, Path folder) throws IOException {
        Path relative = workTree.toRealPath().relativize(folder.toRealPath());
        return relative.toString().isEmpty() ? "" : relative.toString().replace(File.separatorChar, '/') + "/";
    }

    /** The entries below {@code folder}, named relative to it. */
    private static List<WorkspaceEntry> within(List<WorkspaceEntry> entries, String folder) {
        if (folder.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> e.path().startsWith(folder))
                .map(e -> new WorkspaceEntry(e.path().substring(folder.length()), e.kind(), e.blob())).toList();
    }

    private static WorkspaceResult prepared(Path root, ObjectId commit, String head, int files, long started, long listed) {
        return new WorkspaceResult.Prepared(root, Optional.ofNullable(commit).map(ObjectId::name),
                head.startsWith("refs/") ? Optional.of(head) : Optional.empty(), files,
                Duration.ofNanos(listed - started), Duration.ofNanos(System.nanoTime() - listed));
    }

    private static Repository open(Path root) throws IOException {
        File gitDir = new FileRepositoryBuilder().setMustExist(true).findGitDir(root.toFile()).getGitDir();
        if (gitDir == null) {
            throw new RepositoryNotFoundException(root.toFile());
        }
        // No readEnvironment(): GIT_DIR and friends of Gantry's caller must not redirect the copy.
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        if (repository.isBare() || !root.toRealPath().startsWith(repository.getWorkTree().toPath().toRealPath())) {
            repository.close();
            throw new RepositoryNotFoundException(root.toFile());
        }
        return repository;
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

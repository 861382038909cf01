package dev.gantry.runner.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One reading of a project's working tree: which files a workspace copies
 * ({@link WorkingTreeListing}) and the {@code .git} it gets ({@link GitDirectory}). Written to
 * any number of workspaces with {@link #writeTo}; immutable, so the jobs of a run may share it.
 *
 * @param source  the folder the files are copied from: the work tree, or the project's folder in it
 * @param entries the files, relative to {@code source}
 * @param head    the ref HEAD names, or the commit id when it is detached
 * @param commit  HEAD's commit; null in a repository without commits
 * @param git     the workspace's {@code .git}; null for a project in a subfolder of its
 *                repository, which gets no {@code .git} (the repository's index and refs describe
 *                the whole tree, not the subfolder)
 * @param listing how long reading took
 */
record WorkingTree(Path source, List<WorkspaceEntry> entries, String head, ObjectId commit, GitDirectory git,
                   Duration listing) {

    /** The project is in a bare repository, which has no working tree to copy. */
    static final class BareRepositoryException extends IOException {
        BareRepositoryException() {
            super("bare repository");
        }
    }

    /** Reads the working tree of the repository at {@code gitDir} for the project at {@code projectRoot}. */
    static WorkingTree read(File gitDir, Path projectRoot) throws IOException {
        // No readEnvironment(): GIT_DIR and friends of Gantry's caller must not redirect the copy.
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            if (repository.isBare()) {
                throw new BareRepositoryException();
            }
            long started = System.nanoTime();
            Path workTree = repository.getWorkTree().toPath();
            String prefix = WorkspacePreparer.subfolderPrefix(workTree, projectRoot);
            List<WorkspaceEntry> entries = WorkspacePreparer.within(WorkingTreeListing.list(repository), prefix);
            String head = Optional.ofNullable(repository.getFullBranch()).orElse(Constants.R_HEADS + "main");
            ObjectId commit = repository.resolve(Constants.HEAD);
            GitDirectory git = prefix.isEmpty() ? GitDirectory.read(repository, head, repository.getIndexFile()) : null;
            return new WorkingTree(prefix.isEmpty() ? workTree : workTree.resolve(prefix), List.copyOf(entries), head,
                    commit, git, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Copies the files to {@code destination} and writes its {@code .git}. */
    WorkspaceResult writeTo(Path destination, ParallelWriter writer) throws IOException {
        long started = System.nanoTime();
        // No COPY_ATTRIBUTES: the file is created with the source's mode (executable bits kept);
        // copying owner, times and extended attributes would double the system calls per file, and
        // a fresh checkout has fresh times on GitHub too.
        writer.writeAll(entries, destination, () -> (entry, target) -> {
            try {
                Files.copy(source.resolve(entry.path()), target, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // Deleted since the tree was read (a run's later job): absent, as in the tree now.
            }
        });
        if (git != null) {
            git.writeTo(destination);
        }
        return WorkspacePreparer.prepared(destination, commit, head, entries.size(), listing, started);
    }
}

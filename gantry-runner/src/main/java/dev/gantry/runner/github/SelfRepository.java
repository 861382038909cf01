package dev.gantry.runner.github;

import dev.gantry.runner.workspace.WorkspacePreparer;
import dev.gantry.runner.workspace.WorkspaceResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The workflow's own repository at the running commit, where a self repository reference
 * ({@code uses: $/path}) finds its action without a checkout ("Using pre-written building blocks in
 * your workflow#Adding an action from the same repository"; GitHub changelog 2026-07-30). A run of
 * the working tree reads the repository in place, as its workspaces copy it; a run of {@code --ref}
 * checks that revision out once per job, into the job's temporary folder.
 */
final class SelfRepository {

    private final Path repository;
    private final String revision;
    private final WorkspacePreparer preparer;
    private final Path scratch;
    private WorkspaceResult checkedOut;

    /**
     * @param repository the repository root on this machine
     * @param revision   {@code --ref}, or null for the working tree
     * @param preparer   checks a revision out
     * @param scratch    an empty folder's path of the job's own, for the checked-out revision
     */
    SelfRepository(Path repository, String revision, WorkspacePreparer preparer, Path scratch) {
        this.repository = repository;
        this.revision = revision;
        this.preparer = preparer;
        this.scratch = scratch;
    }

    /** The repository's root folder, or a failure saying in a sentence why there is none. */
    WorkspaceResult root() {
        if (revision == null) {
            return new WorkspaceResult.Prepared(repository, Optional.empty(), Optional.empty(), 0, Duration.ZERO,
                    Duration.ZERO);
        }
        if (checkedOut == null) {
            checkedOut = preparer.fromRevision(repository, revision, scratch);
        }
        return checkedOut;
    }
}

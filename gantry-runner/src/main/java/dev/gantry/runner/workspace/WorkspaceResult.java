package dev.gantry.runner.workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The outcome of preparing a workspace. */
public sealed interface WorkspaceResult {

    /**
     * A workspace ready for a job.
     *
     * @param root    the workspace directory (GITHUB_WORKSPACE)
     * @param commit  the commit HEAD names in the workspace (GITHUB_SHA); empty for a repository
     *                without commits
     * @param ref     the ref HEAD names ({@code refs/heads/main}), empty when HEAD is detached
     * @param files   how many files, symlinks and submodule directories were written
     * @param listing time spent finding what to copy
     * @param writing time spent writing files and the {@code .git}
     */
    record Prepared(Path root, Optional<String> commit, Optional<String> ref, int files, Duration listing,
                    Duration writing) implements WorkspaceResult {
    }

    /**
     * No workspace: the message says why in a sentence (unknown revision, not a repository,
     * destination not empty, a disk error). Whatever was written is left for the caller to delete.
     */
    record Failed(String message) implements WorkspaceResult {
    }
}

package dev.gantry.cli;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.runner.git.GitFacts;
import dev.gantry.runner.workspace.WorkspacePreparer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the repository's facts on another thread while the pipeline file is being loaded: both
 * are cold code at start-up (JGit, the YAML front end), and this machine has more than one core.
 * Then, on the same thread, the working tree the run's workspaces copy, so that the first job
 * finds it read.
 */
final class FactsPrefetch {

    private final CompletableFuture<RepositoryFacts> facts;
    private final WorkspacePreparer workspaces;

    private FactsPrefetch(CompletableFuture<RepositoryFacts> facts, WorkspacePreparer workspaces) {
        this.facts = facts;
        this.workspaces = workspaces;
    }

    /**
     * Starts reading the facts of {@code revision} ({@code --ref}), or of HEAD when it is null; for
     * the working tree (no revision), then reads it ahead for the run's {@link #workspaces()}.
     */
    static FactsPrefetch start(Path repository, String revision) {
        WorkspacePreparer workspaces = WorkspacePreparer.forRun();
        CompletableFuture<RepositoryFacts> facts = CompletableFuture.supplyAsync(() -> {
            try {
                return GitFacts.read(repository, System.getenv(), revision);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (revision == null) {
            facts.thenRun(() -> workspaces.readAhead(repository));
        }
        return new FactsPrefetch(facts, workspaces);
    }

    /** What makes the workspaces of this invocation's runs, sharing one reading of the working tree. */
    WorkspacePreparer workspaces() {
        return workspaces;
    }

    /** The facts; the repository's read error when it could not be read. */
    RepositoryFacts get() throws IOException {
        try {
            return facts.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }
}

package dev.gantry.cli;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.runner.git.GitFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the repository's facts on another thread while the pipeline file is being loaded: both
 * are cold code at start-up (JGit, the YAML front end), and this machine has more than one core.
 */
final class FactsPrefetch {

    private final CompletableFuture<RepositoryFacts> facts;

    private FactsPrefetch(CompletableFuture<RepositoryFacts> facts) {
        this.facts = facts;
    }

    /** Starts reading the facts of {@code revision} ({@code --ref}), or of HEAD when it is null. */
    static FactsPrefetch start(Path repository, String revision) {
        return new FactsPrefetch(CompletableFuture.supplyAsync(() -> {
            try {
                return GitFacts.read(repository, System.getenv(), revision);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
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

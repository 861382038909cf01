package dev.gantry.runner.actions;

import dev.gantry.runner.store.ArtifactStore;
import dev.gantry.runner.store.CacheStore;
import dev.gantry.runner.store.FileArtifactStore;
import dev.gantry.runner.store.FileCacheStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The services of one run: the machine's cache store, the run's artifact store and the settings.
 *
 * @param cache     the cache store
 * @param artifacts the run's artifact store
 * @param settings  the machine's settings
 */
public record RunServices(CacheStore cache, ArtifactStore artifacts, ActionSettings settings) implements ActionServices {

    /** The usual services: a {@link FileCacheStore} where the settings say, artifacts under {@code runDir/artifacts}. */
    public static RunServices forRun(ActionSettings settings, Path runDir, Clock clock) {
        return new RunServices(new FileCacheStore(settings.cacheDirectory(), settings.cacheSizeLimit(), clock),
                new FileArtifactStore(runDir.resolve("artifacts"), clock), settings);
    }
}

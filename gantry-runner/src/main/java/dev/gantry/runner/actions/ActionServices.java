package dev.gantry.runner.actions;

import dev.gantry.runner.store.ArtifactStore;
import dev.gantry.runner.store.CacheStore;

/**
 * What built-in actions share across the jobs of a run and across runs: the cache store (shared by
 * every run on this machine), the run's artifact store, and the settings of this machine.
 * Implementations are thread-safe (jobs run in parallel); see {@link RunServices}.
 */
public interface ActionServices {

    /** The cache store behind actions/cache and the setup actions' {@code cache:} input. */
    CacheStore cache();

    /** This run's artifacts (upload-artifact, download-artifact). */
    ArtifactStore artifacts();

    /** Settings of this machine (where to clone other repositories from, ...). */
    ActionSettings settings();
}

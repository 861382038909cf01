package dev.gantry.runner.actions;

/**
 * What built-in actions share across the jobs of a run and across runs: the cache store and the
 * run's artifact store. Implementations are thread-safe (jobs run in parallel).
 */
public interface ActionServices {
}

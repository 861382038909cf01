/**
 * actions/cache, actions/cache/restore and actions/cache/save, and the cache client the setup
 * actions' {@code cache:} inputs share. Decides keys, scopes and paths; the archives themselves are
 * the {@link dev.gantry.runner.store.CacheStore}'s business. Never fails a job because a save failed:
 * like the original, a failed save is a warning.
 */
package dev.gantry.runner.actions.cache;

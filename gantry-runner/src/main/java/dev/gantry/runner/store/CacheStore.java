package dev.gantry.runner.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Cache entries that outlive runs: archives of files saved under a key and restored by later jobs,
 * the store behind actions/cache and the {@code cache:} inputs of the setup actions. The semantics
 * follow docs.github.com "Dependency caching reference" (sections "Cache key matching",
 * "Restrictions for accessing a cache" and "Usage limits and eviction policy").
 *
 * <p>An entry is identified by its scope (the ref that saved it, for example
 * {@code refs/heads/main}), its key and its version (a digest of the cached paths and the archive
 * format: two saves of different paths under one key are different entries, as on GitHub).
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>Thread-safe, and safe between processes sharing the store (two {@code gantry run}s at once).
 *   <li>An entry is immutable once saved: the first save of an id wins; later saves of the same id
 *       return {@link CacheSaveResult.AlreadyExists} and change nothing, whether they come after it
 *       or raced with it.
 *   <li>A save that fails, is interrupted or dies with its process leaves no entry, not even a
 *       partial one; what it wrote is removed or swept by a later save.
 *   <li>{@link #restore} either finds an entry and extracts all of it, or finds none; an entry
 *       being evicted while it is read is read to its end.
 *   <li>Above the store's size limit, the least recently used entries (by last restore or save) are
 *       evicted at the next save.
 * </ul>
 * Callers are the built-in actions, on job threads, any number at once.
 */
public interface CacheStore {

    /**
     * The entry a restore would use, without restoring it or marking it used (actions/cache's
     * {@code lookup-only}).
     */
    Optional<CacheEntry> find(CacheQuery query) throws IOException;

    /**
     * Finds the entry for {@code query}, marks it used and extracts it through {@code layout}.
     *
     * @return the entry and what was extracted; empty when nothing matches
     */
    Optional<Restored> restore(CacheQuery query, ArchiveLayout layout) throws IOException;

    /**
     * Archives {@code items} (in that order) as the entry {@code id}.
     *
     * @throws IOException when an item cannot be read or the store cannot be written; no entry is
     *                     left behind then
     */
    CacheSaveResult save(CacheId id, List<ArchiveItem> items) throws IOException;

    /**
     * Archives {@code items} as the entry {@code id}, replacing the entry of that id if there is one:
     * the last save of a key wins, as GitLab's caches behave ("Caching in GitLab CI/CD"). A restore
     * that opened the old entry reads it to its end; one that starts later gets the new entry.
     *
     * @return {@link CacheSaveResult.Saved} or {@link CacheSaveResult.TooLarge}
     * @throws IOException as {@link #save}; the old entry stays then
     */
    CacheSaveResult replace(CacheId id, List<ArchiveItem> items) throws IOException;

    /** Every entry, newest first. */
    List<CacheEntry> entries() throws IOException;

    /**
     * A restored entry.
     *
     * @param entry the entry, as found (before this restore marked it used)
     * @param stats what was extracted
     */
    record Restored(CacheEntry entry, ArchiveStats stats) {
    }
}

package dev.gantry.runner.store;

import java.time.Instant;

/**
 * A saved cache entry.
 *
 * @param id       scope, key and version
 * @param size     the archive's size in bytes (compressed)
 * @param created  when it was saved
 * @param lastUsed when it was last saved or restored (the eviction order)
 */
public record CacheEntry(CacheId id, long size, Instant created, Instant lastUsed) {

    public String key() {
        return id.key();
    }
}

package dev.gantry.runner.store;

/** How a save ended. */
public sealed interface CacheSaveResult {

    /** The entry was saved; {@code evicted} older entries were removed to stay under the size limit. */
    record Saved(CacheEntry entry, int evicted) implements CacheSaveResult {
    }

    /** An entry with this id exists already (saved earlier or by a save that finished first); nothing changed. */
    record AlreadyExists(CacheId id) implements CacheSaveResult {
    }

    /** The archive alone is larger than the store's size limit; nothing was kept. */
    record TooLarge(long size, long limit) implements CacheSaveResult {
    }
}

package dev.gantry.runner.store;

/**
 * What identifies a cache entry.
 *
 * @param scope   the ref whose runs saved it, for example {@code refs/heads/main}
 * @param key     the user's key (actions/cache {@code key:}); at most 512 characters, no commas
 * @param version a digest of the cached paths and the archive format
 */
public record CacheId(String scope, String key, String version) {
}

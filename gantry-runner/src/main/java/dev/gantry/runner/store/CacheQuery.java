package dev.gantry.runner.store;

import java.util.List;

/**
 * What a restore looks for (docs.github.com "Dependency caching reference#Cache key matching"):
 * for each scope in order, for each key in order, an entry with exactly that key, else (when
 * {@code prefixes}) the newest entry whose key starts with it; only entries of the same version
 * match. GitLab's cache keys and fallback keys match exactly ("CI/CD YAML syntax
 * reference#cache:fallback_keys"). The first scope is the
 * run's own ref; the others are the ones it may read as well (a pull request's base branch, the
 * default branch).
 *
 * @param version  the digest of the paths (see {@link CacheId#version()})
 * @param scopes   the refs to search, in order, without duplicates
 * @param keys     the primary key, then the restore keys
 * @param prefixes whether a key also matches the entries whose keys start with it
 */
public record CacheQuery(String version, List<String> scopes, List<String> keys, boolean prefixes) {

    public CacheQuery {
        scopes = List.copyOf(scopes);
        keys = List.copyOf(keys);
    }

    /** A query as actions/cache makes it: each key matches exactly, then as a prefix. */
    public CacheQuery(String version, List<String> scopes, List<String> keys) {
        this(version, scopes, keys, true);
    }
}

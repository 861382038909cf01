package dev.gantry.runner.store;

import java.util.List;

/**
 * What a restore looks for (docs.github.com "Dependency caching reference#Cache key matching"):
 * for each scope in order, for each key in order, an entry with exactly that key, else the newest
 * entry whose key starts with it; only entries of the same version match. The first scope is the
 * run's own ref; the others are the ones it may read as well (a pull request's base branch, the
 * default branch).
 *
 * @param version the digest of the paths (see {@link CacheId#version()})
 * @param scopes  the refs to search, in order, without duplicates
 * @param keys    the primary key, then the restore keys
 */
public record CacheQuery(String version, List<String> scopes, List<String> keys) {

    public CacheQuery {
        scopes = List.copyOf(scopes);
        keys = List.copyOf(keys);
    }
}

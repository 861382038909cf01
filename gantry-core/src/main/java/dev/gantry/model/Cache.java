package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * A GitLab job cache ("CI/CD YAML syntax reference#cache"). GitHub caches through the
 * {@code actions/cache} action instead, which is a step, not this.
 *
 * @param key          {@code key:} as written (variables unexpanded), or null when {@code key:files} is used or no key is given (then "default")
 * @param keyFiles     {@code key:files}, empty when not used
 * @param keyPrefix    {@code key:prefix}, or null
 * @param paths        {@code paths:}
 * @param untracked    {@code untracked:}
 * @param policy       {@code pull}, {@code push} or {@code pull-push} (default)
 * @param when         {@code on_success} (default), {@code on_failure} or {@code always}
 * @param fallbackKeys {@code fallback_keys:}
 * @param unprotect    {@code unprotect:}
 * @param range        where the cache is written
 */
public record Cache(String key, List<String> keyFiles, String keyPrefix, List<String> paths, boolean untracked,
                    String policy, String when, List<String> fallbackKeys, boolean unprotect, SourceRange range) {

    public Cache {
        keyFiles = List.copyOf(keyFiles);
        paths = List.copyOf(paths);
        fallbackKeys = List.copyOf(fallbackKeys);
    }
}

package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.model.Cache;
import dev.gantry.runner.store.ArchiveItem;
import dev.gantry.runner.store.CacheId;
import dev.gantry.runner.store.CacheQuery;
import dev.gantry.runner.store.CacheSaveResult;
import dev.gantry.runner.store.CacheStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job's caches ("CI/CD YAML syntax reference#cache", "#cache:policy", "#cache:when",
 * "#cache:fallback_keys"; "Caching in GitLab CI/CD"): each cache is restored before
 * {@code before_script} unless its policy is {@code push} (the key first, then the fallback keys), and
 * saved after the script unless its policy is {@code pull}, when {@code cache:when} fits the outcome
 * ({@code on_success} by default). A cache problem is a warning, never a job failure, as in GitLab.
 *
 * <p>Entries live in the machine's shared {@link CacheStore} (tar+zstd archives beside the GitHub
 * caches), scoped to the project ({@code CI_PROJECT_PATH}) so that two projects' {@code default}
 * keys never meet. Keys match exactly, and a save replaces the key's entry: the last save wins.
 */
final class CacheHandling {

    /** The version of every GitLab entry: GitLab identifies a cache by its key alone. */
    static final String VERSION = "gitlab-cache-1";

    private final CacheStore store;
    private final List<Cache> caches;
    private final JobLog log;

    CacheHandling(CacheStore store, List<Cache> caches, JobLog log) {
        this.store = store;
        this.caches = caches;
        this.log = log;
    }

    void restore(Path projectDir, Variables variables) {
        for (Cache cache : caches) {
            if ("push".equals(cache.policy())) {
                continue;
            }
            try {
                List<String> keys = CacheKeys.of(cache, variables, projectDir);
                boolean found = false;
                for (String key : keys) {
                    log.line("Checking cache for " + key + "...");
                    Optional<CacheStore.Restored> restored = store.restore(
                            new CacheQuery(VERSION, List.of(scope(variables)), List.of(key), false),
                            projectDir::resolve);
                    if (restored.isPresent()) {
                        log.line("Successfully extracted cache " + key + " ("
                                + restored.get().stats().entries() + " files)");
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    log.warning("cache not found: " + String.join(", ", keys));
                }
            } catch (IOException e) {
                log.warning("the cache could not be restored: " + e.getMessage());
            }
        }
    }

    private static String scope(Variables variables) {
        return "gitlab:" + variables.value("CI_PROJECT_PATH");
    }

    void save(Path projectDir, Variables variables, boolean succeeded, Set<String> initial) {
        for (Cache cache : caches) {
            String when = cache.when() == null ? "on_success" : cache.when();
            boolean wanted = when.equals("always") || when.equals("on_success") == succeeded;
            if ("pull".equals(cache.policy()) || !wanted) {
                continue;
            }
            try {
                String key = CacheKeys.of(cache, variables, projectDir).get(0);
                List<String> paths = cache.paths().stream()
                        .map(p -> VariableExpander.expand(p, variables, ExpansionPlace.RUNNER)).toList();
                List<String> files = PathSelection.select(projectDir, paths, List.of(), cache.untracked(), initial);
                log.line("Creating cache " + key + "...");
                if (files.isEmpty()) {
                    log.warning("no files match the cache paths " + cache.paths() + "; nothing cached");
                    continue;
                }
                List<ArchiveItem> items = files.stream().map(f -> new ArchiveItem(f, projectDir.resolve(f))).toList();
                if (store.replace(new CacheId(scope(variables), key, VERSION), items)
                        instanceof CacheSaveResult.TooLarge large) {
                    log.warning("cache " + key + " not saved: " + large.size() + " bytes is above the store's limit of "
                            + large.limit());
                    continue;
                }
                log.line("Created cache " + key + " (" + files.size() + " files)");
            } catch (IOException e) {
                log.warning("the cache could not be saved: " + e.getMessage());
            }
        }
    }
}

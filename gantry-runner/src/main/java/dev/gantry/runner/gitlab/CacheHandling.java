package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.model.Cache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A job's caches ("CI/CD YAML syntax reference#cache", "#cache:policy", "#cache:when",
 * "#cache:fallback_keys"; "Caching in GitLab CI/CD"): each cache is restored before
 * {@code before_script} unless its policy is {@code push} (the key first, then the fallback keys), and
 * saved after the script unless its policy is {@code pull}, when {@code cache:when} fits the outcome
 * ({@code on_success} by default). A cache problem is a warning, never a job failure, as in GitLab.
 */
final class CacheHandling {

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
                    int files = store.restore(key, projectDir);
                    if (files >= 0) {
                        log.line("Successfully extracted cache " + key + " (" + files + " files)");
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
                store.save(key, projectDir, files);
                log.line("Created cache " + key + " (" + files.size() + " files)");
            } catch (IOException e) {
                log.warning("the cache could not be saved: " + e.getMessage());
            }
        }
    }
}

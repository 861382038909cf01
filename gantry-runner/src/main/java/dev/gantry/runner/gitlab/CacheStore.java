package dev.gantry.runner.gitlab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where GitLab job caches live between runs ("Caching in GitLab CI/CD"). To be replaced by the shared
 * tar+zstd {@code CacheStore} that the GitHub {@code actions/cache} support brings; this small port
 * keeps the GitLab engine independent of it until the two are merged.
 *
 * <p>Contract: keys are the final cache keys (expanded, with prefix and file hash). Jobs run in
 * parallel, so both methods may be called from several threads at once, also for the same key: a
 * {@link #save} replaces the entry atomically, and a concurrent {@link #restore} sees the old or the
 * new entry whole. After a crash, an entry is either the old or the new one.
 */
interface CacheStore {

    /**
     * Copies the entry's files into {@code projectDir}.
     *
     * @return how many files were restored, or -1 when there is no entry for {@code key}
     */
    int restore(String key, Path projectDir) throws IOException;

    /** Replaces the entry of {@code key} by {@code files} (relative to {@code projectDir}). */
    void save(String key, Path projectDir, List<String> files) throws IOException;
}

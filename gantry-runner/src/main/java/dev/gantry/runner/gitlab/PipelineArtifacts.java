package dev.gantry.runner.gitlab;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The artifacts of one pipeline run, kept in a folder per job under the run's folder until the run
 * ends (GitLab keeps them on the server; {@code expire_in} is recorded, and the whole store goes with
 * the run). Thread-safe: jobs store and read concurrently; a job's entry is published only once its
 * files are complete.
 */
final class PipelineArtifacts {

    /**
     * What one job left for later jobs.
     *
     * @param key      the job
     * @param files    the folder holding its artifact files, or null when it uploaded none
     * @param count    how many files
     * @param expireIn {@code artifacts:expire_in} as written, or null
     * @param dotenv   the variables of its {@code reports:dotenv}, in file order
     */
    record Stored(String key, Path files, int count, String expireIn, Map<String, String> dotenv) {
        Stored {
            dotenv = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dotenv));
        }
    }

    private final Path root;
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> folders = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();

    PipelineArtifacts(Path root) {
        this.root = root;
    }

    /** A fresh folder for the job's files (job names may hold any character, so folders are numbered). */
    Path folderFor(String key) {
        return root.resolve(Integer.toString(folders.computeIfAbsent(key, k -> counter.incrementAndGet())));
    }

    void put(Stored stored) {
        byKey.put(stored.key(), stored);
    }

    /** What the job left, or null when it left nothing (did not run, or uploaded nothing). */
    Stored get(String key) {
        return byKey.get(key);
    }
}

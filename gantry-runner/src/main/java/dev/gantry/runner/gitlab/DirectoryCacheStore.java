package dev.gantry.runner.gitlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A {@link CacheStore} that keeps each entry as a plain directory copy under
 * {@code $GANTRY_CACHE_DIR/gitlab-cache} or {@code ~/.cache/gantry/gitlab-cache}. Temporary until the
 * shared tar+zstd store replaces it. An entry is written to a fresh folder and renamed into place, so
 * readers never see half an entry.
 */
final class DirectoryCacheStore implements CacheStore {

    private final Path root;

    DirectoryCacheStore(Path root) {
        this.root = root;
    }

    /** The store in the user's cache directory, as the environment names it. */
    static DirectoryCacheStore inUserCache(Map<String, String> env) {
        String dir = env.get("GANTRY_CACHE_DIR");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "gantry");
        return new DirectoryCacheStore(base.resolve("gitlab-cache"));
    }

    @Override
    public int restore(String key, Path projectDir) throws IOException {
        Path entry = entry(key);
        if (!Files.isDirectory(entry)) {
            return -1;
        }
        return FileTrees.copyTree(entry, projectDir);
    }

    @Override
    public void save(String key, Path projectDir, List<String> files) throws IOException {
        Files.createDirectories(root);
        Path fresh = Files.createTempDirectory(root, ".new-");
        FileTrees.copy(projectDir, files, fresh);
        Path entry = entry(key);
        Path old = root.resolve(".old-" + fresh.getFileName());
        try {
            Files.move(entry, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            // no entry yet, or another job moved it away first
        }
        try {
            Files.move(fresh, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
            // another job saved the same key at the same moment: its entry is as good as ours
            FileTrees.delete(fresh);
        }
        FileTrees.delete(old);
    }

    /** A folder name for any key: readable keys as they are, others hashed. */
    private Path entry(String key) {
        if (key.matches("[A-Za-z0-9._-]{1,100}") && !key.startsWith(".")) {
            return root.resolve(key);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return root.resolve("k-" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package dev.gantry.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cache store's index file, {@code index.json}: every entry with its id, archive file, size and
 * times (epoch milliseconds). Shape: {@code {"format": 1, "entries": [{"scope", "key", "version",
 * "file", "size", "created", "lastUsed"}]}}, entries in the order they were saved. Read and written
 * only while the store's lock is held; written to a temporary file, flushed to disk and renamed over
 * the old one, so a reader never sees half an index. An index that cannot be parsed counts as empty
 * (a cache may forget; its archives are swept as orphans).
 */
final class CacheIndex {

    static final int FORMAT = 1;

    /** One line of the index. */
    record Line(String scope, String key, String version, String file, long size, long created, long lastUsed) {

        CacheId id() {
            return new CacheId(scope, key, version);
        }

        CacheEntry entry() {
            return new CacheEntry(id(), size, Instant.ofEpochMilli(created), Instant.ofEpochMilli(lastUsed));
        }

        Line usedAt(long millis) {
            return new Line(scope, key, version, file, size, created, Math.max(lastUsed, millis));
        }
    }

    /** The file's content. */
    record Content(int format, List<Line> entries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CacheIndex() {
    }

    static List<Line> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        try {
            Content content = JSON.readValue(bytes, Content.class);
            if (content == null || content.format() != FORMAT || content.entries() == null) {
                return new ArrayList<>();
            }
            return new ArrayList<>(content.entries());
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }

    static void write(Path file, List<Line> lines) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            JSON.writeValue(new NonClosingOutputStream(out), new Content(FORMAT, lines));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

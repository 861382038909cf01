package dev.gantry.runner.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache store's index file, {@code index.json}: every entry with its id, archive file, size and
 * times (epoch milliseconds). Shape: {@code {"format": 1, "entries": [{"scope", "key", "version",
 * "file", "size", "created", "lastUsed"}]}}, entries in the order they were saved. Read and written
 * only while the store's lock is held; written to a temporary file, flushed to disk and renamed over
 * the old one, so a reader never sees half an index. An index that cannot be parsed counts as empty,
 * and an entry without all seven fields is left out (a cache may forget; the archives are swept as
 * orphans). Unknown fields are ignored.
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

    /**
     * Jackson's streaming reader and writer, not its object mapper: the mapper's set-up (introspecting
     * the records) cost a process's first cache operation 200-400 ms of CPU; the streaming API reads
     * and writes the same JSON without it.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private CacheIndex() {
    }

    static List<Line> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        List<Line> lines = new ArrayList<>();
        try (JsonParser json = JSON.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return new ArrayList<>();
            }
            int format = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("format") && value == JsonToken.VALUE_NUMBER_INT) {
                    format = json.getIntValue();
                } else if (field.equals("entries") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        Line line = line(json);
                        if (line != null) {
                            lines.add(line);
                        }
                    }
                } else {
                    json.skipChildren();
                }
            }
            return format == FORMAT ? lines : new ArrayList<>();
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }

    /** One entry; null when a field is missing or of the wrong type (that entry is forgotten). */
    private static Line line(JsonParser json) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(field, json.getText());
            } else if (value == JsonToken.VALUE_NUMBER_INT) {
                fields.put(field, json.getLongValue());
            } else {
                json.skipChildren();
            }
        }
        if (fields.get("scope") instanceof String scope && fields.get("key") instanceof String key
                && fields.get("version") instanceof String version && fields.get("file") instanceof String name
                && fields.get("size") instanceof Long size && fields.get("created") instanceof Long created
                && fields.get("lastUsed") instanceof Long lastUsed) {
            return new Line(scope, key, version, name, size, created, lastUsed);
        }
        return null;
    }

    static void write(Path file, List<Line> lines) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the channel is forced to disk below
                json.writeStartObject();
                json.writeNumberField("format", FORMAT);
                json.writeArrayFieldStart("entries");
                for (Line line : lines) {
                    json.writeStartObject();
                    json.writeStringField("scope", line.scope());
                    json.writeStringField("key", line.key());
                    json.writeStringField("version", line.version());
                    json.writeStringField("file", line.file());
                    json.writeNumberField("size", line.size());
                    json.writeNumberField("created", line.created());
                    json.writeNumberField("lastUsed", line.lastUsed());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

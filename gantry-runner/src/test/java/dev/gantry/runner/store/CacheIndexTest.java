package dev.gantry.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index file: what one version writes, the next reads; what it cannot read is an empty cache. */
class CacheIndexTest {

    @TempDir
    Path dir;

    @Test
    void linesSurviveAWriteAndARead() throws IOException {
        List<CacheIndex.Line> lines = List.of(
                new CacheIndex.Line("refs/heads/main", "npm-linux-abc", "v1", "a.tar.zst", 12, 1_700_000_000_000L, 1_700_000_000_001L),
                new CacheIndex.Line("refs/pull/1/merge", "k \"quoted\" \\ back\nslash\ttab\u0001ctl é ☃ 𝄞", "v/2", "b.tar.zst",
                        Long.MAX_VALUE, 0, -1));
        Path file = dir.resolve("index.json");

        CacheIndex.write(file, lines);

        assertThat(CacheIndex.read(file)).isEqualTo(lines);
        assertThat(dir.resolve("index.json.tmp")).doesNotExist();
    }

    @Test
    void aCompactIndexWithFieldsOfALaterVersionIsRead() throws IOException {
        // What Jackson's object mapper wrote before: compact; and readers must ignore new fields.
        Path file = dir.resolve("index.json");
        Files.writeString(file, """
                {"format":1,"entries":[{"scope":"refs/heads/main","key":"k-1","version":"v1","file":"x.tar.zst",\
                "size":3,"created":10,"lastUsed":20,"later":{"nested":[1,2.5e3,true,null]}}]}""");

        assertThat(CacheIndex.read(file)).containsExactly(
                new CacheIndex.Line("refs/heads/main", "k-1", "v1", "x.tar.zst", 3, 10, 20));
    }

    @Test
    void anEntryWithoutEveryFieldIsLeftOutAndTheOthersKept() throws IOException {
        Path file = dir.resolve("index.json");
        Files.writeString(file, """
                {"format": 1, "entries": [
                  {"scope": "s", "key": "k", "version": "v", "file": "f", "size": 1, "created": 2},
                  {"scope": "s", "key": "k", "version": "v", "file": "f", "size": "1", "created": 2, "lastUsed": 3},
                  {"scope": "s", "key": "k2", "version": "v", "file": "g", "size": 1, "created": 2, "lastUsed": 3}
                ]}""");

        assertThat(CacheIndex.read(file)).extracting(CacheIndex.Line::key).containsExactly("k2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{ not json", "[]", "{\"format\": 2, \"entries\": []}", "{\"format\": 1}",
            "{\"format\": 1, \"entries\": [] } trailing", "{\"format\": 1, \"entries\": [\"s\" \"t\"]}",
            "{\"format\": 1, \"entries\": [01]}", "{\"format\": 1, \"entries\": [\"\\x\"]}", "\"unterminated"})
    void anUnreadableIndexIsAnEmptyCache(String text) throws IOException {
        Path file = dir.resolve("index.json");
        Files.writeString(file, text);

        assertThat(CacheIndex.read(file)).isEmpty();
    }

    @Test
    void aMissingIndexIsAnEmptyCache() throws IOException {
        assertThat(CacheIndex.read(dir.resolve("index.json"))).isEmpty();
    }
}

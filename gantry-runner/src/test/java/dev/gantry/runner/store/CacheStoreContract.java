package dev.gantry.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link CacheStore} contract, run against every implementation: matching, immutability of
 * saved keys under concurrent saves, round trips of links and modes, and eviction.
 */
abstract class CacheStoreContract {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();

    /** A fresh store keeping at most {@code sizeLimit} bytes. */
    abstract CacheStore store(long sizeLimit);

    CacheStore store() {
        return store(1L << 30);
    }

    /** Writes a tree with the given files (path -> content) below {@code root}. */
    Path tree(String root, String... pathsAndContents) throws IOException {
        Path r = dir.resolve(root);
        Files.createDirectories(r);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path f = r.resolve(pathsAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, pathsAndContents[i + 1]);
        }
        return r;
    }

    /** Every file, directory and link below {@code root}, named relative to it. */
    static List<ArchiveItem> items(Path root) throws IOException {
        List<ArchiveItem> items = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).sorted()
                    .forEach(p -> items.add(new ArchiveItem(root.relativize(p).toString(), p)));
        }
        return items;
    }

    CacheSaveResult save(CacheStore store, String scope, String key, Path root) throws IOException {
        return store.save(new CacheId(scope, key, "v1"), items(root));
    }

    static CacheQuery query(String scope, String... keys) {
        return new CacheQuery("v1", List.of(scope), List.of(keys));
    }

    Optional<String> restoredKey(CacheStore store, CacheQuery query, Path into) throws IOException {
        return store.restore(query, into::resolve).map(r -> r.entry().key());
    }

    @Test
    void aRoundTripKeepsContentsEmptyDirectoriesLinksModesTimesAndLongNames() throws IOException {
        String longName = "d/" + "n".repeat(120) + "/ü-" + "x".repeat(90) + ".txt";
        Path src = tree("src", "a.txt", "alpha", "sub/b.bin", "beta", longName, "long");
        Files.createDirectories(src.resolve("empty"));
        Files.setPosixFilePermissions(src.resolve("a.txt"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("sub/b.bin"));
        Files.createSymbolicLink(src.resolve("dangling"), Path.of("nowhere/" + "z".repeat(150)));
        Files.setLastModifiedTime(src.resolve("sub/b.bin"), FileTime.fromMillis(1_600_000_000_000L));
        CacheStore store = store();

        assertThat(save(store, "refs/heads/main", "k", src)).isInstanceOf(CacheSaveResult.Saved.class);
        Path out = dir.resolve("out");
        Optional<CacheStore.Restored> restored = store.restore(query("refs/heads/main", "k"), out::resolve);

        assertThat(restored).isPresent();
        assertThat(out.resolve("a.txt")).hasContent("alpha");
        assertThat(out.resolve(longName)).hasContent("long");
        assertThat(Files.getPosixFilePermissions(out.resolve("a.txt")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(out.resolve("empty")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(out.resolve("link"))).isEqualTo(Path.of("sub/b.bin"));
        assertThat(out.resolve("link")).hasContent("beta");
        assertThat(Files.readSymbolicLink(out.resolve("dangling"))).isEqualTo(Path.of("nowhere/" + "z".repeat(150)));
        assertThat(Files.getLastModifiedTime(out.resolve("sub/b.bin")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(restored.get().stats().bytes()).isEqualTo("alpha".length() + "beta".length() + "long".length());
    }

    @Test
    void anExactKeyWinsOverPrefixesAndTheNewestPrefixMatchIsTaken() throws IOException {
        CacheStore store = store();
        save(store, "refs/heads/main", "k-1", tree("one", "f", "1"));
        clock.advance(Duration.ofMinutes(1));
        save(store, "refs/heads/main", "k-3", tree("three", "f", "3"));
        clock.advance(Duration.ofMinutes(1));
        save(store, "refs/heads/main", "k-2-old", tree("two", "f", "2"));

        assertThat(store.find(query("refs/heads/main", "k-3", "k-")).map(CacheEntry::key)).contains("k-3");
        assertThat(store.find(query("refs/heads/main", "k-9", "k-")).map(CacheEntry::key)).contains("k-2-old");
        assertThat(store.find(query("refs/heads/main", "k-2", "k-")).map(CacheEntry::key))
                .as("the primary key is prefix-matched before the restore keys").contains("k-2-old");
        assertThat(store.find(query("refs/heads/main", "x"))).isEmpty();
        assertThat(store.find(new CacheQuery("v2", List.of("refs/heads/main"), List.of("k-3"))))
                .as("another version (other paths) never matches").isEmpty();
    }

    @Test
    void scopesAreSearchedInOrderAndOtherBranchesAreInvisible() throws IOException {
        CacheStore store = store();
        save(store, "refs/heads/main", "k", tree("main", "f", "main"));
        save(store, "refs/heads/other", "k", tree("other", "f", "other"));
        Path out = dir.resolve("out");

        CacheQuery feature = new CacheQuery("v1", List.of("refs/heads/feature", "refs/heads/main"), List.of("k"));
        assertThat(restoredKey(store, feature, out)).contains("k");
        assertThat(out.resolve("f")).hasContent("main");
        assertThat(store.find(query("refs/heads/feature", "k"))).isEmpty();
    }

    @Test
    void aSavedKeyIsImmutable() throws IOException {
        CacheStore store = store();
        save(store, "refs/heads/main", "k", tree("first", "f", "first"));
        CacheSaveResult again = save(store, "refs/heads/main", "k", tree("second", "f", "second"));

        assertThat(again).isInstanceOf(CacheSaveResult.AlreadyExists.class);
        Path out = dir.resolve("out");
        restoredKey(store, query("refs/heads/main", "k"), out);
        assertThat(out.resolve("f")).hasContent("first");
    }

    @Test
    void replacingAKeyKeepsOnlyTheLastSaveAndExactQueriesIgnorePrefixes() throws IOException {
        CacheStore store = store();
        store.replace(new CacheId("gitlab:p", "k", "v1"), items(tree("first", "f", "first")));
        CacheSaveResult second = store.replace(new CacheId("gitlab:p", "k", "v1"), items(tree("second", "f", "second")));

        assertThat(second).isInstanceOf(CacheSaveResult.Saved.class);
        assertThat(store.entries()).hasSize(1);
        Path out = dir.resolve("out");
        CacheQuery exact = new CacheQuery("v1", List.of("gitlab:p"), List.of("k"), false);
        assertThat(restoredKey(store, exact, out)).contains("k");
        assertThat(out.resolve("f")).hasContent("second");
        assertThat(store.find(new CacheQuery("v1", List.of("gitlab:p"), List.of(""), false)))
                .as("an exact query is no prefix").isEmpty();
    }

    @Test
    void concurrentSavesOfOneKeyLeaveExactlyOneWholeEntry() throws Exception {
        CacheStore store = store();
        int savers = 6;
        List<Path> trees = new ArrayList<>();
        for (int i = 0; i < savers; i++) {
            String[] files = new String[40];
            for (int f = 0; f < 20; f++) {
                files[2 * f] = "f" + f;
                files[2 * f + 1] = ("saver " + i + " ").repeat(2000);
            }
            trees.add(tree("t" + i, files));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(savers);
        List<Future<CacheSaveResult>> results = new ArrayList<>();
        for (Path t : trees) {
            Callable<CacheSaveResult> save = () -> {
                start.await();
                return save(store, "refs/heads/main", "same", t);
            };
            results.add(pool.submit(save));
        }
        start.countDown();
        List<CacheSaveResult> outcomes = new ArrayList<>();
        for (Future<CacheSaveResult> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(r -> r instanceof CacheSaveResult.Saved).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r instanceof CacheSaveResult.AlreadyExists).hasSize(savers - 1);
        assertThat(store.entries()).hasSize(1);
        Path out = dir.resolve("out");
        restoredKey(store, query("refs/heads/main", "same"), out);
        String first = Files.readString(out.resolve("f0"));
        for (int f = 0; f < 20; f++) {
            assertThat(out.resolve("f" + f)).as("every file comes from the same save").hasContent(first);
        }
    }

    @Test
    void aboveTheSizeLimitTheLeastRecentlyUsedEntriesAreEvicted() throws IOException {
        CacheStore probe = store();
        save(probe, "s", "probe", tree("p", "f", random(20_000)));
        long one = probe.entries().getFirst().size();
        // Each tree below is about as large as the probe: three fit, four do not.
        CacheStore store = store(3 * one + one / 2);
        for (String key : List.of("a", "b", "c")) {
            save(store, "refs/heads/main", key, tree(key, "f", random(20_000)));
            clock.advance(Duration.ofMinutes(1));
        }
        restoredKey(store, query("refs/heads/main", "a"), dir.resolve("out")); // a is now the most recently used
        clock.advance(Duration.ofMinutes(1));

        CacheSaveResult d = save(store, "refs/heads/main", "d", tree("d", "f", random(20_000)));

        assertThat(d).isInstanceOfSatisfying(CacheSaveResult.Saved.class, s -> assertThat(s.evicted()).isEqualTo(1));
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactlyInAnyOrder("a", "c", "d");
    }

    @Test
    void anEntryLargerThanTheWholeStoreIsNotKept() throws IOException {
        CacheStore store = store(100);
        CacheSaveResult result = save(store, "s", "big", tree("big", "f", random(10_000)));

        assertThat(result).isInstanceOf(CacheSaveResult.TooLarge.class);
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void restoringOverExistingFilesReplacesDifferentOnesAndLeavesIdenticalOnesAlone() throws IOException {
        Path src = tree("src", "same", "same", "changed", "new content");
        CacheStore store = store();
        save(store, "s", "k", src);
        Path out = tree("out", "changed", "old", "untouched-by-cache", "mine");
        Files.copy(src.resolve("same"), out.resolve("same"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Object inode = Files.readAttributes(out.resolve("same"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();

        restoredKey(store, query("s", "k"), out);

        assertThat(out.resolve("changed")).hasContent("new content");
        assertThat(out.resolve("untouched-by-cache")).hasContent("mine");
        assertThat(Files.readAttributes(out.resolve("same"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey()).as("an identical file is not rewritten").isEqualTo(inode);
    }

    @Test
    void aLayoutDecidesWhereEntriesGoAndMaySkipThem() throws IOException {
        CacheStore store = store();
        save(store, "s", "k", tree("src", "keep/a", "a", "skip/b", "b"));
        Path out = dir.resolve("elsewhere");

        store.restore(query("s", "k"), name -> name.startsWith("skip") ? null : out.resolve("x").resolve(name));

        assertThat(out.resolve("x/keep/a")).hasContent("a");
        assertThat(out.resolve("x/skip")).doesNotExist();
    }

    @Test
    void lookingUpDoesNotMarkAnEntryUsed() throws IOException {
        CacheStore store = store();
        save(store, "s", "k", tree("src", "f", "x"));
        clock.advance(Duration.ofHours(1));

        store.find(query("s", "k"));
        assertThat(store.entries().getFirst().lastUsed()).isEqualTo(store.entries().getFirst().created());
        store.restore(query("s", "k"), dir.resolve("out")::resolve);
        assertThat(store.entries().getFirst().lastUsed()).isAfter(store.entries().getFirst().created());
    }

    /** Content zstd cannot shrink, so sizes are predictable. */
    static String random(int length) {
        java.util.Random r = new java.util.Random(length * 31L + System.nanoTime());
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('!' + r.nextInt(90));
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}

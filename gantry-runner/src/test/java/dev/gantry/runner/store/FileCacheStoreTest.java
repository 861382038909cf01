package dev.gantry.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link FileCacheStore} against the contract, and what only a directory store can get wrong: crashes. */
class FileCacheStoreTest extends CacheStoreContract {

    @Override
    CacheStore store(long sizeLimit) {
        return new FileCacheStore(dir.resolve("store-" + sizeLimit), sizeLimit, clock);
    }

    @Test
    void aSaveKilledWithItsProcessLeavesNoEntryAndTheKeyStaysFree() throws Exception {
        Path storeDir = dir.resolve("store");
        Path src = bigTree("big", 64);
        Process saver = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Saver.class.getName(), storeDir.toString(), src.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partFiles(storeDir).isEmpty() && saver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(saver.isAlive()).as("the saver must still be archiving when it is killed").isTrue();
        } finally {
            saver.destroyForcibly().waitFor();
        }
        FileCacheStore store = new FileCacheStore(storeDir, FileCacheStore.DEFAULT_SIZE_LIMIT, clock);

        assertThat(store.entries()).isEmpty();
        assertThat(store.find(query("refs/heads/main", "k"))).isEmpty();
        assertThat(store.save(new CacheId("refs/heads/main", "k", "v1"), items(tree("small", "f", "x"))))
                .isInstanceOf(CacheSaveResult.Saved.class);
    }

    @Test
    void anInterruptedSaveThrowsAndLeavesNothing() throws Exception {
        FileCacheStore store = new FileCacheStore(dir.resolve("store"), FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        List<ArchiveItem> items = items(bigTree("big", 64));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread saving = new Thread(() -> {
            try {
                store.save(new CacheId("s", "k", "v1"), items);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        saving.start();
        while (partFiles(store.directory()).isEmpty() && saving.isAlive()) {
            Thread.sleep(1);
        }
        saving.interrupt();
        saving.join();

        assertThat(failure.get()).isInstanceOf(IOException.class);
        assertThat(store.entries()).isEmpty();
        assertThat(partFiles(store.directory())).isEmpty();
    }

    @Test
    void archivesTheIndexDoesNotNameAreSweptByTheNextSave() throws IOException {
        FileCacheStore store = new FileCacheStore(dir.resolve("store"), FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        store.save(new CacheId("s", "a", "v1"), items(tree("a", "f", "a")));
        Path orphan = store.directory().resolve("entries/orphan.tar.zst");
        Files.writeString(orphan, "left by a process that died between rename and index");
        Path staleTemp = store.directory().resolve("tmp/old.tar.zst.part");
        Files.writeString(staleTemp, "half an archive");
        Files.setLastModifiedTime(staleTemp, java.nio.file.attribute.FileTime.from(clock.instant()));
        clock.advance(Duration.ofDays(2));

        store.save(new CacheId("s", "b", "v1"), items(tree("b", "f", "b")));

        assertThat(orphan).doesNotExist();
        assertThat(staleTemp).doesNotExist();
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactly("b", "a");
    }

    @Test
    void aCorruptIndexCountsAsAnEmptyCache() throws IOException {
        FileCacheStore store = new FileCacheStore(dir.resolve("store"), FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        store.save(new CacheId("s", "a", "v1"), items(tree("a", "f", "a")));
        Files.writeString(store.directory().resolve("index.json"), "{ not json");

        assertThat(store.find(query("s", "a"))).isEmpty();
        assertThat(store.save(new CacheId("s", "a", "v1"), items(tree("a2", "f", "a"))))
                .isInstanceOf(CacheSaveResult.Saved.class);
    }

    @Test
    void theArchiveIsATarZstdThatTarReads() throws Exception {
        FileCacheStore store = new FileCacheStore(dir.resolve("store"), FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        store.save(new CacheId("s", "a", "v1"), items(tree("a", "dir/f.txt", "hello", "g", "x")));
        Path archive;
        try (Stream<Path> files = Files.list(store.directory().resolve("entries"))) {
            archive = files.findFirst().orElseThrow();
        }
        Process tar = new ProcessBuilder("sh", "-c", "zstd -d -c '" + archive + "' | tar -t")
                .redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0 && listing.contains("not found")) {
            return; // no zstd here: nothing to compare with
        }
        assertThat(listing.lines()).containsExactly("dir/", "dir/f.txt", "g");
    }

    @Test
    void anEntryTwiceInOneArchiveIsRestoredIntoANewFolderOnceWithTheLaterContent() throws IOException {
        FileCacheStore store = new FileCacheStore(dir.resolve("store"), FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        Path first = tree("first", "d/f", "old");
        Path second = tree("second", "d/f", "new!");
        List<ArchiveItem> items = new ArrayList<>(items(first));
        items.addAll(items(second)); // the same names again, later in the archive
        store.save(new CacheId("s", "k", "v1"), items);
        Path out = dir.resolve("out");

        assertThat(store.restore(query("s", "k"), out::resolve)).isPresent();

        assertThat(out.resolve("d/f")).hasContent("new!");
        assertThat(listing(out.resolve("d"))).containsExactly(out.resolve("d/f"));
    }

    @Test
    void zstdsNativeLibraryIsUnpackedIntoTheStoreOnceAndLoadedFromThereByLaterProcesses() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the kept copy is for Linux only");
        Path storeDir = dir.resolve("store");
        Path src = tree("src", "f", "x");

        save(storeDir, src, 1);
        List<Path> copies = listing(storeDir.resolve("lib"));
        assertThat(copies).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).matches("libzstd-jni-.*\\.so"));
        Object unpacked = Files.readAttributes(copies.get(0), BasicFileAttributes.class).fileKey();
        save(storeDir, src, 2); // k is there: saves k1

        assertThat(listing(storeDir.resolve("lib"))).isEqualTo(copies);
        assertThat(Files.readAttributes(copies.get(0), BasicFileAttributes.class).fileKey()).isEqualTo(unpacked);
        FileCacheStore store = new FileCacheStore(storeDir, FileCacheStore.DEFAULT_SIZE_LIMIT, clock);
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactlyInAnyOrder("k", "k1");
    }

    private static void save(Path storeDir, Path src, int rounds) throws Exception {
        Process saver = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Saver.class.getName(), storeDir.toString(), src.toString(),
                Integer.toString(rounds)).redirectErrorStream(true).start();
        String output = new String(saver.getInputStream().readAllBytes());
        assertThat(saver.waitFor()).as(output).isZero();
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private Path bigTree(String name, int files) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root);
        java.util.Random random = new java.util.Random(7);
        byte[] content = new byte[1 << 20];
        for (int i = 0; i < files; i++) {
            random.nextBytes(content);
            Files.write(root.resolve("f" + i), content);
        }
        return root;
    }

    private static List<Path> partFiles(Path storeDir) throws IOException {
        Path tmp = storeDir.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return new ArrayList<>(files.toList());
        }
    }

    /** A child process: saves a tree under keys k, k1, k2... (by default slowly enough to be killed halfway). */
    public static final class Saver {
        public static void main(String[] args) throws IOException {
            Path root = Path.of(args[1]);
            CacheStore store = new FileCacheStore(Path.of(args[0]), FileCacheStore.DEFAULT_SIZE_LIMIT, Clock.systemUTC());
            List<ArchiveItem> items = items(root);
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            for (int i = 0; i < rounds; i++) { // many rounds: the crash test kills us during the first
                store.save(new CacheId("refs/heads/main", "k" + (i == 0 ? "" : i), "v1"), items);
            }
        }
    }
}

package dev.gantry.runner.store.bench;

import dev.gantry.runner.store.ArchiveItem;
import dev.gantry.runner.store.CacheId;
import dev.gantry.runner.store.CacheQuery;
import dev.gantry.runner.store.CacheSaveResult;
import dev.gantry.runner.store.CacheStore;
import dev.gantry.runner.store.FileCacheStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One side of {@code bench/cache.sh}: {@code save TREE STORE} archives a tree into a fresh
 * {@link FileCacheStore} (the listing of the tree included, as in actions/cache);
 * {@code restore STORE TARGET} restores that entry into an empty folder. Prints the wall time in
 * milliseconds ({@code ms <n>}), measured inside the JVM, so JVM start-up is left out but JIT
 * warm-up is not: the first cache operation of a {@code gantry run} pays it. With a third argument
 * {@code warm}, the operation is done once untimed first (into {@code STORE-warm-up} or
 * {@code TARGET-warm-up}), and the second one is timed: what the later jobs of a run pay.
 */
public final class CacheBench {

    private static final CacheId ID = new CacheId("refs/heads/main", "bench", "v");

    private CacheBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path from = Path.of(args[1]).toAbsolutePath();
        Path to = Path.of(args[2]).toAbsolutePath();
        if (args.length > 3 && args[3].equals("warm")) {
            run(args[0], from, Path.of(to + "-warm-up"), false);
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        }
        run(args[0], from, to, true);
    }

    private static void run(String operation, Path from, Path to, boolean report) throws IOException {
        long t0 = System.nanoTime();
        if (operation.equals("save")) {
            deleteTree(to);
            CacheStore store = new FileCacheStore(to, FileCacheStore.DEFAULT_SIZE_LIMIT, Clock.systemUTC());
            List<ArchiveItem> items = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(from)) {
                walk.filter(p -> !p.equals(from))
                        .forEach(p -> items.add(new ArchiveItem(from.relativize(p).toString(), p)));
            }
            CacheSaveResult saved = store.save(ID, items);
            if (!(saved instanceof CacheSaveResult.Saved s)) {
                throw new IllegalStateException("not saved: " + saved);
            }
            if (report) {
                System.out.println("ms " + (System.nanoTime() - t0) / 1_000_000);
                System.out.println("archive-bytes " + s.entry().size());
            }
        } else {
            deleteTree(to);
            Files.createDirectories(to);
            CacheStore store = new FileCacheStore(from, FileCacheStore.DEFAULT_SIZE_LIMIT, Clock.systemUTC());
            var restored = store.restore(new CacheQuery("v", List.of("refs/heads/main"), List.of("bench")),
                    to::resolve).orElseThrow();
            if (report) {
                System.out.println("ms " + (System.nanoTime() - t0) / 1_000_000);
                System.out.println("entries " + restored.stats().entries());
            }
        }
    }
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

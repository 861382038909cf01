package dev.gantry.runner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * {@link CacheStore} in a directory of this machine (by default {@code ~/.cache/gantry/cache}):
 * <pre>
 *   index.json            the entries ({@link CacheIndex})
 *   index.lock            held (a file lock) while the index is read or changed
 *   entries/&lt;name&gt;.tar.zst  one archive per entry ({@link ArchiveWriter})
 *   tmp/&lt;name&gt;.tar.zst.part  archives being written
 *   lib/                  zstd-jni's native library, unpacked once ({@link ZstdLibrary})
 * </pre>
 * A save writes its archive under {@code tmp/} without holding the lock, then, holding the lock,
 * checks that the id is still free, renames the archive into {@code entries/} and writes the index:
 * the entry appears whole or not at all, and the first save of an id wins. The archive is not forced
 * to disk (that cost a third of the save time, see docs/PERFORMANCE.md): a process that dies
 * never leaves a partial entry, but after a crash of the machine itself an entry's archive may be
 * damaged; restoring it then fails on zstd's frame checksum, and the actions report a miss.
 * The lock is a file lock (other processes) plus a lock per directory in this JVM (file locks are
 * per process). Archives in {@code entries/} that the index does not name (a process died between
 * the rename and the index write) and {@code tmp/} files older than a day (a process died while
 * archiving) are deleted by later saves.
 */
public final class FileCacheStore implements CacheStore {

    /** GitHub's limit per repository ("Usage limits and eviction policy"): 10 GB. */
    public static final long DEFAULT_SIZE_LIMIT = 10L * 1024 * 1024 * 1024;

    private static final Duration STALE_TEMP = Duration.ofDays(1);
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final long sizeLimit;
    private final Clock clock;

    /**
     * @param directory the store's folder; created when first written
     * @param sizeLimit bytes of archives to keep at most
     * @param clock     for the entries' times
     */
    public FileCacheStore(Path directory, long sizeLimit, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.sizeLimit = sizeLimit;
        this.clock = clock;
    }

    /** The store's folder. */
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<CacheEntry> find(CacheQuery query) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        return locked(() -> match(CacheIndex.read(index()), query).map(CacheIndex.Line::entry));
    }

    @Override
    public Optional<Restored> restore(CacheQuery query, ArchiveLayout layout) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        // Open the archive while holding the lock: an eviction after that deletes the name, not the open file.
        Optional<Opened> opened = locked(() -> {
            List<CacheIndex.Line> lines = CacheIndex.read(index());
            Optional<CacheIndex.Line> found = match(lines, query);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            CacheIndex.Line line = found.get();
            InputStream in;
            try {
                in = Files.newInputStream(archives().resolve(line.file()));
            } catch (NoSuchFileException e) {
                lines.remove(line); // deleted by hand: forget it
                CacheIndex.write(index(), lines);
                return Optional.empty();
            }
            lines.set(lines.indexOf(line), line.usedAt(clock.millis()));
            CacheIndex.write(index(), lines);
            return Optional.of(new Opened(line.entry(), in));
        });
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        ZstdLibrary.load(library());
        try (InputStream in = opened.get().in()) {
            return Optional.of(new Restored(opened.get().entry(), ArchiveExtractor.extract(in, layout)));
        }
    }

    private record Opened(CacheEntry entry, InputStream in) {
    }

    @Override
    public CacheSaveResult save(CacheId id, List<ArchiveItem> items) throws IOException {
        return write(id, items, false);
    }

    @Override
    public CacheSaveResult replace(CacheId id, List<ArchiveItem> items) throws IOException {
        return write(id, items, true);
    }

    private CacheSaveResult write(CacheId id, List<ArchiveItem> items, boolean replace) throws IOException {
        Files.createDirectories(archives());
        Files.createDirectories(temp());
        boolean taken = !replace && locked(() -> CacheIndex.read(index()).stream().anyMatch(l -> l.id().equals(id)));
        if (taken) {
            return new CacheSaveResult.AlreadyExists(id);
        }
        ZstdLibrary.load(library());
        // Unique among processes by the pid, within one by 64 random bits; not a UUID, whose
        // SecureRandom costs a process's first save about 25 ms.
        String name = ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tar.zst";
        Path part = temp().resolve(name + ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ArchiveWriter.write(channel, items);
            }
            return locked(() -> commit(id, name, part, replace));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Under the lock: the first save of {@code id} moves its archive in; later ones are dropped. */
    private CacheSaveResult commit(CacheId id, String name, Path part, boolean replace) throws IOException {
        List<CacheIndex.Line> lines = CacheIndex.read(index());
        List<CacheIndex.Line> replaced = lines.stream().filter(l -> l.id().equals(id)).toList();
        if (!replace && !replaced.isEmpty()) {
            return new CacheSaveResult.AlreadyExists(id);
        }
        long size = Files.size(part);
        if (size > sizeLimit) {
            return new CacheSaveResult.TooLarge(size, sizeLimit);
        }
        lines.removeAll(replaced);
        Files.move(part, archives().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        long now = clock.millis();
        CacheIndex.Line line = new CacheIndex.Line(id.scope(), id.key(), id.version(), name, size, now, now);
        lines.add(line);
        List<CacheIndex.Line> evicted = evict(lines, line);
        CacheIndex.write(index(), lines);
        List<CacheIndex.Line> removed = new ArrayList<>(replaced);
        removed.addAll(evicted);
        for (CacheIndex.Line old : removed) {
            Files.deleteIfExists(archives().resolve(old.file()));
        }
        sweep(lines);
        return new CacheSaveResult.Saved(line.entry(), evicted.size());
    }

    /** Removes least recently used lines other than {@code kept} until the total fits the limit. */
    private List<CacheIndex.Line> evict(List<CacheIndex.Line> lines, CacheIndex.Line kept) {
        List<CacheIndex.Line> evicted = new ArrayList<>();
        long total = lines.stream().mapToLong(CacheIndex.Line::size).sum();
        List<CacheIndex.Line> byUse = new ArrayList<>(lines);
        byUse.remove(kept);
        byUse.sort(Comparator.comparingLong(CacheIndex.Line::lastUsed));
        for (CacheIndex.Line line : byUse) {
            if (total <= sizeLimit) {
                break;
            }
            lines.remove(line);
            evicted.add(line);
            total -= line.size();
        }
        return evicted;
    }

    /** Deletes archives the index does not name and temporary files of saves that died long ago. */
    private void sweep(List<CacheIndex.Line> lines) throws IOException {
        Set<String> named = new HashSet<>();
        lines.forEach(l -> named.add(l.file()));
        try (Stream<Path> files = Files.list(archives())) {
            for (Path f : files.toList()) {
                if (!named.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
        long staleBefore = clock.millis() - STALE_TEMP.toMillis();
        try (Stream<Path> files = Files.list(temp())) {
            for (Path f : files.toList()) {
                try {
                    if (Files.getLastModifiedTime(f).toMillis() < staleBefore) {
                        Files.deleteIfExists(f);
                    }
                } catch (NoSuchFileException e) {
                    // finished meanwhile
                }
            }
        }
    }

    @Override
    public List<CacheEntry> entries() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<CacheEntry> all = new ArrayList<>(locked(() -> CacheIndex.read(index()).stream()
                .map(CacheIndex.Line::entry).toList()));
        // The index is in save order: reversed, a stable sort keeps the later of equal times first.
        java.util.Collections.reverse(all);
        all.sort(Comparator.comparing(CacheEntry::created).reversed());
        return all;
    }

    /** The matching rule of {@link CacheQuery}. */
    static Optional<CacheIndex.Line> match(List<CacheIndex.Line> lines, CacheQuery query) {
        for (String scope : query.scopes()) {
            for (String key : query.keys()) {
                CacheIndex.Line newest = null;
                for (CacheIndex.Line line : lines) {
                    if (!line.scope().equals(scope) || !line.version().equals(query.version())) {
                        continue;
                    }
                    if (line.key().equals(key)) {
                        return Optional.of(line);
                    }
                    // Later lines were saved later, so >= keeps the newest of equal times.
                    if (query.prefixes() && line.key().startsWith(key) && (newest == null || line.created() >= newest.created())) {
                        newest = line;
                    }
                }
                if (newest != null) {
                    return Optional.of(newest);
                }
            }
        }
        return Optional.empty();
    }

    private Path index() {
        return directory.resolve("index.json");
    }

    private Path archives() {
        return directory.resolve("entries");
    }

    private Path temp() {
        return directory.resolve("tmp");
    }

    private Path library() {
        return directory.resolve("lib");
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T locked(Locked<T> action) throws IOException {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        jvm.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve("index.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.run();
            }
        } finally {
            jvm.unlock();
        }
    }
}

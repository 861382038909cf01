package dev.gantry.runner.store;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.gantry.runner.files.Trees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts what {@link ArchiveWriter} wrote. The calling thread decompresses and parses the
 * stream; {@link #WRITERS} writer threads create the files, so that decompression and the file
 * system's system calls overlap. All files of one folder go to the same writer: threads creating
 * files in one directory contend for its lock in the kernel (measured slower, see
 * docs/PERFORMANCE.md). File contents travel in chunks of a fixed pool
 * ({@link #CHUNKS} of {@link #CHUNK} bytes): memory stays bounded and no garbage is made per file.
 * Files above {@link #DIRECT_WRITE} are written by the calling thread itself. Directories are made
 * by the calling thread in stream order, before any file inside them is handed out; their modes and
 * times are set at the end (a read-only directory would refuse its own files otherwise).
 *
 * <p>Existing files: a regular file already there with the entry's size and modification time is
 * left alone (restoring over a shared folder such as {@code ~/.m2/repository} then rewrites nothing
 * that another process may be reading); a different one is replaced by writing a sibling and
 * renaming it over, so readers of the old file keep a consistent copy. Entries whose names are not
 * safe ({@code ..}, absolute) are skipped, so an archive cannot write outside its layout.
 */
final class ArchiveExtractor {

    static final int CHUNK = 1 << 18;
    static final int CHUNKS = 128;
    static final int DIRECT_WRITE = 4 << 20;
    /** Two writers: measured best on two cores. */
    static final int WRITERS = 2;

    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final ArchiveLayout layout;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private int chunksMade;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final Set<Path> directories = new HashSet<>();
    /** Directories this restore created: nothing can be in the way of their files, so none is looked up. */
    private final Set<Path> createdDirectories = new HashSet<>();
    private final List<DirectoryEntry> directoryModes = new ArrayList<>();
    /** One single-threaded writer per lane; a folder's files always go to the same lane. */
    private final List<ExecutorService> writers = new ArrayList<>();

    private ArchiveExtractor(ArchiveLayout layout) {
        this.layout = layout;
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gantry-cache-writer");
                t.setDaemon(true);
                return t;
            }));
        }
    }

    static ArchiveStats extract(InputStream source, ArchiveLayout layout) throws IOException {
        return new ArchiveExtractor(layout).run(source);
    }

    private ArchiveStats run(InputStream source) throws IOException {
        long entries = 0;
        long bytes = 0;
        try (ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(new BufferedInputStream(source, 1 << 20));
             TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(zstd, 1 << 20), "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                rethrow();
                String name = stripSlash(entry.getName());
                Path target = ArchiveNames.isSafe(name) ? layout.target(name) : null;
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    makeDirectory(target);
                    directoryModes.add(new DirectoryEntry(target, entry.getMode(), entry.getLastModifiedTime()));
                } else if (entry.isSymbolicLink()) {
                    ensureParent(target);
                    replaceWithLink(target, entry.getLinkName());
                } else if (entry.isFile()) {
                    ensureParent(target);
                    file(tar, target, entry);
                    bytes += entry.getSize();
                } else {
                    continue; // hard links, devices: ArchiveWriter never writes them
                }
                entries++;
            }
        } finally {
            writers.forEach(ExecutorService::shutdown);
            writers.forEach(this::awaitQuietly);
        }
        rethrow();
        for (int i = directoryModes.size() - 1; i >= 0; i--) {
            DirectoryEntry d = directoryModes.get(i);
            try {
                Files.setPosixFilePermissions(d.path(), permissions(d.mode()));
                Files.setLastModifiedTime(d.path(), d.time());
            } catch (IOException e) {
                // Best effort, as tar's: a directory owned by someone else keeps its mode.
            }
        }
        return new ArchiveStats(entries, bytes);
    }

    private record DirectoryEntry(Path path, int mode, FileTime time) {
    }

    /** What a file becomes; its content is in {@code content} (pool chunks) or still in the stream. */
    private record FileWrite(Path target, boolean exists, long size, int mode, FileTime time, List<byte[]> content) {
    }

    private void file(TarArchiveInputStream tar, Path target, TarArchiveEntry entry) throws IOException {
        FileTime time = entry.getLastModifiedTime();
        long size = entry.getSize();
        // In a directory made by this restore, a file can only be in the way if another process put it
        // there meanwhile; creating ours then fails, and write() replaces it.
        BasicFileAttributes existing = createdDirectories.contains(target.getParent()) ? null
                : attributesIfExists(target);
        if (existing != null && existing.isRegularFile() && existing.size() == size
                && existing.lastModifiedTime().toMillis() / 1000 == time.toMillis() / 1000) {
            return;
        }
        if (existing != null && existing.isDirectory()) {
            Trees.delete(target);
            existing = null;
        }
        int mode = entry.getMode() & 0777;
        if (size > DIRECT_WRITE) {
            write(new FileWrite(target, existing != null, size, mode, time, null), tar);
            return;
        }
        List<byte[]> content = new ArrayList<>((int) (size / CHUNK) + 1);
        for (long left = size; left > 0; left -= CHUNK) {
            byte[] chunk = takeChunk();
            tar.readNBytes(chunk, 0, (int) Math.min(CHUNK, left));
            content.add(chunk);
        }
        FileWrite write = new FileWrite(target, existing != null, size, mode, time, content);
        writers.get(Math.floorMod(target.getParent().hashCode(), WRITERS)).execute(() -> {
            try {
                if (failure.get() == null) {
                    write(write, null);
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.getMessage(), e));
            } finally {
                chunks.addAll(content);
            }
        });
    }

    private byte[] takeChunk() throws IOException {
        byte[] chunk = chunks.poll();
        if (chunk != null) {
            return chunk;
        }
        if (chunksMade < CHUNKS) {
            chunksMade++;
            return new byte[CHUNK];
        }
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restoring a cache", e);
        }
    }

    /** Writes a file from chunks, or from the stream when {@code in} is given; then its mode and time. */
    private static void write(FileWrite w, InputStream in) throws IOException {
        try {
            writeAs(w, in, w.exists());
        } catch (FileAlreadyExistsException e) {
            writeAs(w, in, true); // a dangling link, or a file made meanwhile, was in the way
        }
    }

    private static void writeAs(FileWrite w, InputStream in, boolean replace) throws IOException {
        Path file = replace ? w.target().resolveSibling(w.target().getFileName() + ".gantry-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong())) : w.target();
        Set<PosixFilePermission> permissions = permissions(w.mode());
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attribute(permissions))) {
            if (in == null) {
                long left = w.size();
                for (byte[] chunk : w.content()) {
                    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(CHUNK, left));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    left -= CHUNK;
                }
            } else {
                in.transferTo(java.nio.channels.Channels.newOutputStream(channel));
            }
        }
        if ((w.mode() & Umask.VALUE) != 0) {
            Files.setPosixFilePermissions(file, permissions); // bits the umask took away at creation
        }
        // One utimensat on the path; Files.setLastModifiedTime opens the file, reads its attributes
        // to keep the access time, sets the times and closes it: four system calls per file.
        Files.getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(w.time(), FileTime.from(Instant.now()), null);
        if (replace) {
            Files.move(file, w.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void replaceWithLink(Path target, String link) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Trees.delete(target);
        } else {
            Files.deleteIfExists(target);
        }
        Files.createSymbolicLink(target, Path.of(link));
    }

    private void makeDirectory(Path target) throws IOException {
        if (directories.add(target)) {
            BasicFileAttributes existing = attributesIfExists(target);
            if (existing != null && !existing.isDirectory()) {
                Files.delete(target);
                existing = null;
            }
            try {
                Files.createDirectories(target);
                if (existing == null) {
                    createdDirectories.add(target);
                }
            } catch (FileAlreadyExistsException e) {
                // A symbolic link to a directory: tar follows it too.
            }
            // The writer may need to add files to a directory the archive records as read-only.
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(target);
            if (!current.containsAll(OWNER_ALL)) {
                current.addAll(OWNER_ALL);
                Files.setPosixFilePermissions(target, current);
            }
        }
    }

    private void ensureParent(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent != null && directories.add(parent)) {
            Files.createDirectories(parent);
        }
    }

    /**
     * The attributes of a path itself (a link is not followed), or null when nothing is there. Most
     * targets do not exist, and the JDK reports that with an exception, which costs more than the
     * system call; only its link-following lookup answers without one, so that comes first. A
     * dangling link is reported as absent: creating the file then fails and {@link #write} replaces it.
     */
    private static BasicFileAttributes attributesIfExists(Path path) throws IOException {
        if (path.getFileSystem().provider().readAttributesIfExists(path, BasicFileAttributes.class) == null) {
            return null;
        }
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void awaitQuietly(ExecutorService writer) {
        boolean interrupted = false;
        while (true) {
            try {
                if (writer.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** This process's umask, found once by creating a file that asks for every permission. */
    private static final class Umask {
        static final int VALUE = detect();

        private static int detect() {
            try {
                // Not createTempFile: its random name costs a cold SecureRandom (about 25 ms).
                Path probe = Path.of(System.getProperty("java.io.tmpdir")).resolve("gantry-umask-"
                        + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                Files.createFile(probe, attribute(permissions(0777)));
                try {
                    return 0777 & ~ArchiveWriter.modeBits(Files.getPosixFilePermissions(probe));
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return 0777; // unknown: set every file's mode explicitly
            }
        }
    }
}

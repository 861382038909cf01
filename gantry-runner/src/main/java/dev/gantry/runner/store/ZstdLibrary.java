package dev.gantry.runner.store;

import com.github.luben.zstd.util.Native;
import com.github.luben.zstd.util.ZstdVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loads zstd-jni's native library from a copy kept in a folder, unpacked there once per machine.
 * zstd-jni's own loader unpacks the library (1 MB) from its jar into a new temporary file in
 * every process; that was about 55 ms of the first cache operation of a run on this project's
 * benchmark machine, against 14 ms to load a kept copy (docs/PERFORMANCE.md, "Cache store").
 *
 * <p>Only where the jar holds a Linux build for this JVM's architecture and zstd-jni shares this
 * class's class loader (a native library belongs to the loader that loads it); otherwise, and
 * whenever the copy cannot be written or loaded, nothing happens here and zstd-jni loads its own
 * way on first use. The copy is written to a unique temporary name, forced to disk and renamed into
 * place, so concurrent processes never load a half-written one; a copy of the wrong size is
 * replaced.
 */
final class ZstdLibrary {

    private static boolean attempted;

    private ZstdLibrary() {
    }

    /** Loads the library from {@code folder} (created when missing) unless it is loaded already. */
    static synchronized void load(Path folder) {
        if (attempted) {
            return;
        }
        attempted = true;
        String name = "libzstd-jni-" + ZstdVersion.VERSION + ".so";
        URL resource = Native.class.getResource("/linux/" + System.getProperty("os.arch") + "/" + name);
        if (Native.isLoaded() || resource == null || !System.getProperty("os.name").equals("Linux")
                || Native.class.getClassLoader() != ZstdLibrary.class.getClassLoader()) {
            return;
        }
        try {
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong(); // from the jar's directory: nothing unpacked yet
            Path copy = folder.resolve(name);
            if (size < 0 || !Files.isRegularFile(copy) || Files.size(copy) != size) {
                unpack(connection, copy);
            }
            System.load(copy.toString());
            Native.assumeLoaded();
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            // zstd-jni unpacks its own temporary copy when first used
        }
    }

    private static void unpack(URLConnection connection, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        Path temp = copy.resolveSibling(copy.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (InputStream in = connection.getInputStream();
                 FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
            Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

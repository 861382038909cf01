package dev.gantry.runner.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Writes items as a tar stream compressed with zstd ({@link #LEVEL}, one compression worker per
 * core, like {@code tar -c | zstd -T0}). Regular files keep their content, permission bits and modification
 * time (whole seconds); symbolic links stay links; directories are entries of their own (so empty
 * ones survive). Items that vanished since they were listed are left out (a build may delete files
 * while a cache is saved); sockets, pipes and devices are left out as well.
 *
 * <p>The format is POSIX tar as {@code tar -x} and commons-compress read it: 512-byte headers
 * formatted by commons-compress ({@link TarArchiveEntry#writeEntryHeader}), a PAX extended header
 * before an entry whose name or link target is longer than the header's 100 bytes, sizes beyond
 * the octal field in base-256 (as GNU tar writes them). The content is streamed here rather than
 * through {@code TarArchiveOutputStream} and zstd's stream, which copy every byte three times more
 * (see {@link ZstdSink}): on a busy machine that made saving three times slower than
 * {@code tar | zstd}.
 */
final class ArchiveWriter {

    /**
     * zstd level 1, not the CLI's default 3 that actions/cache uses: on this project's benchmark
     * (docs/PERFORMANCE.md) it compresses about twice as fast for archives about 1% larger, and a
     * local cache is written far more often than its size matters.
     */
    static final int LEVEL = 1;

    private static final int RECORD = 512;
    /** Never written to. */
    private static final byte[] ZEROS = new byte[1 << 16];
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding("UTF-8");

    private final ZstdSink out;
    private final byte[] header = new byte[RECORD];

    private ArchiveWriter(ZstdSink out) {
        this.out = out;
    }

    static ArchiveStats write(WritableByteChannel target, List<ArchiveItem> items) throws IOException {
        try (ZstdSink zstd = new ZstdSink(target, LEVEL, Runtime.getRuntime().availableProcessors())) {
            ArchiveWriter writer = new ArchiveWriter(zstd);
            long entries = 0;
            long bytes = 0;
            for (ArchiveItem item : items) {
                long written = writer.item(item);
                if (written >= 0) {
                    entries++;
                    bytes += written;
                }
            }
            zstd.write(ZEROS, 0, 2 * RECORD); // the end-of-archive marker
            zstd.finish();
            return new ArchiveStats(entries, bytes);
        }
    }

    /** Writes one item; returns the bytes of content written, or -1 when the item was left out. */
    private long item(ArchiveItem item) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(item.source(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return -1;
        }
        int permissions = modeBits(attributes.permissions());
        if (attributes.isSymbolicLink()) {
            TarArchiveEntry entry = new TarArchiveEntry(item.name(), TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(item.source()).toString());
            entry.setMode(0120000 | permissions);
            entry.setModTime(attributes.lastModifiedTime());
            writeHeader(entry);
            return 0;
        }
        if (attributes.isDirectory()) {
            TarArchiveEntry entry = new TarArchiveEntry(item.name() + "/");
            entry.setMode(040000 | permissions);
            entry.setModTime(attributes.lastModifiedTime());
            writeHeader(entry);
            return 0;
        }
        if (!attributes.isRegularFile()) {
            return -1;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(item.source(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return -1;
        }
        try (channel) {
            TarArchiveEntry entry = new TarArchiveEntry(item.name());
            entry.setSize(attributes.size());
            entry.setMode(0100000 | permissions);
            entry.setModTime(attributes.lastModifiedTime());
            writeHeader(entry);
            copy(channel, attributes.size());
            return attributes.size();
        }
    }

    /**
     * Copies exactly {@code size} bytes, then pads to a record. The header promised that size, so a
     * file that grew or shrank meanwhile is cut or filled with zeros: the archive stays well-formed.
     */
    private void copy(FileChannel channel, long size) throws IOException {
        long copied = out.transferFrom(channel, size);
        zeros(size - copied + pad(size));
    }

    private void writeHeader(TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        String link = entry.getLinkName();
        boolean longName = name.getBytes(StandardCharsets.UTF_8).length > TarConstants.NAMELEN;
        boolean longLink = link != null && link.getBytes(StandardCharsets.UTF_8).length > TarConstants.NAMELEN;
        if (longName || longLink) {
            StringBuilder records = new StringBuilder();
            if (longName) {
                records.append(paxRecord("path", name));
                entry.setName(truncate(name));
            }
            if (longLink) {
                records.append(paxRecord("linkpath", link));
                entry.setLinkName(truncate(link));
            }
            byte[] content = records.toString().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry pax = new TarArchiveEntry("././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
            pax.setSize(content.length);
            pax.setModTime(entry.getLastModifiedTime());
            java.util.Arrays.fill(header, (byte) 0);
            pax.writeEntryHeader(header, UTF_8, true);
            out.write(header, 0, RECORD);
            out.write(content, 0, content.length);
            zeros(pad(content.length));
        }
        java.util.Arrays.fill(header, (byte) 0);
        entry.writeEntryHeader(header, UTF_8, true); // star mode: base-256 numbers beyond the octal fields
        out.write(header, 0, RECORD);
    }

    /** A PAX record: "LENGTH KEY=VALUE\n", where LENGTH counts the whole record, its own digits included. */
    static String paxRecord(String key, String value) {
        int body = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    /** A name that fits the header's field; the PAX record carries the real one. */
    private static String truncate(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, 0, TarConstants.NAMELEN, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "_");
    }

    private static long pad(long size) {
        long rest = size % RECORD;
        return rest == 0 ? 0 : RECORD - rest;
    }

    private void zeros(long count) throws IOException {
        if (count <= 0) {
            return;
        }
        for (long left = count; left > 0; left -= ZEROS.length) {
            out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
        }
    }

    /** The permission bits, setuid/setgid/sticky aside (java.nio does not report them). */
    static int modeBits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}

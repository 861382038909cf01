package dev.gantry.expr.github;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link WorkspaceFiles} over a folder of the local file system (java.nio.file, on the calling
 * thread). Relative paths that would leave the folder are refused.
 */
public final class NioWorkspaceFiles implements WorkspaceFiles {

    private final Path root;

    /** A workspace rooted at {@code root}, which need not exist (then nothing matches). */
    public NioWorkspaceFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<Entry> list(String dir, boolean followSymlinks) throws IOException {
        Path d = resolve(dir);
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                boolean isDir = followSymlinks ? Files.isDirectory(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                boolean isFile = !Files.isDirectory(p) && Files.isRegularFile(p);
                entries.add(new Entry(p.getFileName().toString(), isDir, isFile));
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        return entries;
    }

    @Override
    public byte[] sha256(String file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(resolve(file)), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return md.digest();
    }

    private Path resolve(String relative) throws IOException {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("'" + relative + "' is outside the workspace");
        }
        return p;
    }
}

package dev.gantry.runner.store;

import dev.gantry.runner.files.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ArtifactStore} in a folder of the run ({@code <run>/artifacts}): each artifact is a
 * folder {@code <id>/} holding its files as plain files, so a user can look at them while the run
 * lasts. An upload copies into a hidden staging folder first and renames it into place while
 * holding this store's lock; the list of artifacts lives in memory (a run is one process).
 */
public final class FileArtifactStore implements ArtifactStore {

    private final Path root;
    private final Clock clock;
    private final List<Artifact> artifacts = new ArrayList<>();
    private long nextId = 1;

    /** A store in {@code root}, created when first written. */
    public FileArtifactStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public ArtifactUploadResult upload(ArtifactUpload upload) throws IOException {
        Files.createDirectories(root);
        Path staging = root.resolve(".upload-" + UUID.randomUUID());
        try {
            for (ArchiveItem file : upload.files()) {
                Path target = staging.resolve(file.name());
                Files.createDirectories(target.getParent());
                Files.copy(file.source(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(staging);
            return commit(upload, staging);
        } finally {
            Trees.delete(staging);
        }
    }

    private synchronized ArtifactUploadResult commit(ArtifactUpload upload, Path staging) throws IOException {
        Optional<Artifact> existing = find(upload.name());
        long id;
        if (existing.isPresent() && upload.existing() == ArtifactUpload.Existing.FAIL) {
            return new ArtifactUploadResult.Exists(existing.get());
        }
        if (existing.isPresent() && upload.existing() == ArtifactUpload.Existing.MERGE) {
            id = existing.get().id();
            Path folder = folder(id);
            for (Path file : files(staging)) {
                Path target = folder.resolve(staging.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            if (existing.isPresent()) {
                Trees.delete(folder(existing.get().id()));
            }
            id = nextId++;
            Files.move(staging, folder(id), StandardCopyOption.ATOMIC_MOVE);
        }
        existing.ifPresent(artifacts::remove);
        Artifact artifact = describe(id, upload, folder(id));
        artifacts.add(artifact);
        return new ArtifactUploadResult.Uploaded(artifact);
    }

    private Artifact describe(long id, ArtifactUpload upload, Path folder) throws IOException {
        MessageDigest all = sha256();
        long size = 0;
        List<Path> files = files(folder);
        for (Path file : files) {
            MessageDigest one = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), one)) {
                size += in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            all.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            all.update((byte) 0);
            all.update(one.digest());
        }
        return new Artifact(id, upload.name(), files.size(), size, HexFormat.of().formatHex(all.digest()),
                upload.retentionDays(), clock.instant());
    }

    @Override
    public synchronized List<Artifact> list() {
        return List.copyOf(artifacts);
    }

    @Override
    public synchronized Optional<Artifact> find(String name) {
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public ArchiveStats download(Artifact artifact, Path destination) throws IOException {
        Path folder = folder(artifact.id());
        long count = 0;
        long bytes = 0;
        for (Path file : files(folder)) {
            Path target = destination.resolve(folder.relativize(file).toString());
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Trees.delete(target);
            }
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            count++;
            bytes += Files.size(target);
        }
        return new ArchiveStats(count, bytes);
    }

    private Path folder(long id) {
        return root.resolve(Long.toString(id));
    }

    /** The regular files below {@code dir}, sorted by path. */
    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

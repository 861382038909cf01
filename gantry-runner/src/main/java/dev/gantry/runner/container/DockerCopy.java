package dev.gantry.runner.container;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Copies into and out of a container through the Engine API's archive endpoints, which speak tar
 * (docs.docker.com Engine API "Extract an archive of files or folders to a directory in a
 * container" and "Get an archive of a filesystem resource in a container"), as {@code docker cp}
 * does. Thread-safe.
 */
final class DockerCopy {

    private final DockerConnection docker;

    DockerCopy(DockerConnection docker) {
        this.docker = docker;
    }

    void copyIn(String container, Path source, String containerDirectory) throws ContainerException {
        if (!Files.exists(source)) {
            throw new ContainerException("cannot copy " + source + " into container '" + container + "': it does not exist");
        }
        try {
            docker.streams.copyArchiveToContainerCmd(container)
                    .withHostResource(source.toString())
                    .withRemotePath(containerDirectory)
                    .exec();
        } catch (RuntimeException e) {
            throw new ContainerException("cannot copy " + source + " into container '" + container + "' at "
                    + containerDirectory + ": " + DockerErrors.engineMessage(e), e);
        }
    }

    void copyOut(String container, String containerPath, Path hostDirectory) throws ContainerException {
        try (InputStream tar = docker.streams.copyArchiveFromContainerCmd(container, containerPath).exec()) {
            Files.createDirectories(hostDirectory);
            extract(tar, hostDirectory);
        } catch (NotFoundException e) {
            throw new ContainerException("cannot copy " + containerPath + " out of container '" + container
                    + "': " + DockerErrors.engineMessage(e), e);
        } catch (IOException | RuntimeException e) {
            throw new ContainerException("cannot copy " + containerPath + " out of container '" + container
                    + "' into " + hostDirectory + ": " + DockerErrors.engineMessage(e), e);
        }
    }

    /**
     * Unpacks {@code tar} below {@code root}. An entry whose path leaves {@code root}, or that would
     * be written through a symbolic link the archive created, is refused: the archive comes from a
     * container the pipeline controls.
     */
    static void extract(InputStream tar, Path root) throws IOException {
        Path base = root.toRealPath();
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            Path target = base.resolve(entry.getName()).normalize();
            if (!target.startsWith(base)) {
                throw new IOException("the archive holds a path outside the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(base)) {
                throw new IOException("the archive writes through a link that leaves the target directory: "
                        + entry.getName());
            }
            if (entry.isSymbolicLink()) {
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                if (Files.isSymbolicLink(target)) {
                    Files.delete(target);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                setMode(target, entry.getMode());
            }
            // Hard links, devices and FIFOs are not needed for artifacts and are skipped.
        }
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(file, permissions);
    }
}

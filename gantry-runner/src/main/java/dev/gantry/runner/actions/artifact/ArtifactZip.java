package dev.gantry.runner.actions.artifact;

import dev.gantry.runner.store.ArchiveStats;
import dev.gantry.runner.store.Artifact;
import dev.gantry.runner.store.ArtifactStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * download-artifact's {@code skip-decompress} (action.yml: "If true, the downloaded artifact will
 * not be automatically extracted/decompressed. The artifact will be saved as-is"): what GitHub
 * serves is the artifact's zip, so the artifact is written as {@code <name>.zip} in the folder its
 * files would have gone to, holding them at the paths they were uploaded with.
 */
final class ArtifactZip {

    private ArtifactZip() {
    }

    /** Writes {@code folder/<name>.zip} from the stored artifact, staging its files in {@code scratch}. */
    static ArchiveStats save(ArtifactStore store, Artifact artifact, Path folder, Path scratch) throws IOException {
        Path staged = Files.createTempDirectory(Files.createDirectories(scratch), "artifact-");
        try {
            ArchiveStats stats = store.download(artifact, staged);
            Files.createDirectories(folder);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(staged)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve(artifact.name() + ".zip"));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(staged.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return stats;
        } finally {
            try (Stream<Path> walk = Files.walk(staged)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

package dev.gantry.runner.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deleting a folder with everything below it; symbolic links are removed, never followed. */
public final class Trees {

    private Trees() {
    }

    /**
     * Deletes {@code root} and everything below it; nothing when it does not exist.
     *
     * @throws IOException when an entry cannot be deleted; entries before it are gone
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * Deletes what it can of {@code root}: for temporary folders, where a leftover (a read-only file
     * a step made) must not fail anything; the system's temp cleaner takes the rest.
     */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort, as documented.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }
}

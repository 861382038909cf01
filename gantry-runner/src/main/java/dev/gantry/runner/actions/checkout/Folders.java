package dev.gantry.runner.actions.checkout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Emptying a checkout's target folder (as the original does when the folder holds something else). */
final class Folders {

    private Folders() {
    }

    /** Deletes what {@code dir} contains (links are deleted, not followed); creates it when missing. */
    static void empty(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            Files.delete(dir);
        }
        Files.createDirectories(dir);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                delete(child);
            }
        }
    }

    /** True when {@code dir} is missing or holds nothing. */
    static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isWritable(p.getParent())) {
                    p.getParent().toFile().setWritable(true);
                }
                Files.deleteIfExists(p);
            }
        }
    }
}

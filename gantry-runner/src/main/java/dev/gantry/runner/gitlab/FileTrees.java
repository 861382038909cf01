package dev.gantry.runner.gitlab;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Copying selected files between a project directory and a store, keeping modes and symlinks. */
final class FileTrees {

    private FileTrees() {
    }

    /** Copies {@code files} (relative to {@code from}) to the same places under {@code to}, replacing what is there. */
    static void copy(Path from, List<String> files, Path to) throws IOException {
        for (String f : files) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(f), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Copies everything under {@code from} into {@code to}; returns how many files. */
    static int copyTree(Path from, Path to) throws IOException {
        int[] count = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                count[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }
}

package dev.gantry.runner.store;

import java.nio.file.Path;

/**
 * One thing to put into an archive: a regular file (its content), a directory (the entry only,
 * not what is inside it) or a symbolic link (the link itself, never its target). The kind, mode and
 * modification time are read from the file system when the archive is written.
 *
 * @param name   the entry's name in the archive: a relative path with {@code /} separators, no
 *               {@code .} or {@code ..} segments
 * @param source where it is on this machine
 */
public record ArchiveItem(String name, Path source) {

    public ArchiveItem {
        if (!ArchiveNames.isSafe(name)) {
            throw new IllegalArgumentException("not a safe archive name: '" + name + "'");
        }
    }
}

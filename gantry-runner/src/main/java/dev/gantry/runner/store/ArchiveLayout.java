package dev.gantry.runner.store;

import java.nio.file.Path;

/** Where the entries of an archive go when it is extracted. */
@FunctionalInterface
public interface ArchiveLayout {

    /**
     * The file system path for the entry named {@code name} (a safe relative name, see
     * {@link ArchiveItem}), or null to skip the entry.
     */
    Path target(String name);
}

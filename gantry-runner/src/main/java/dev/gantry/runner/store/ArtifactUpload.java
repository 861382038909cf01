package dev.gantry.runner.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What to upload.
 *
 * @param name          the artifact's name
 * @param files         each file's relative path in the artifact ({@code /}-separated, safe as in
 *                      {@link ArchiveItem}) and where to read it (links are followed)
 * @param retentionDays recorded with the artifact
 * @param existing      what to do when an artifact of that name exists
 */
public record ArtifactUpload(String name, List<ArchiveItem> files, int retentionDays, Existing existing) {

    public ArtifactUpload {
        files = List.copyOf(files);
    }

    /** What an upload does to an artifact of the same name. */
    public enum Existing {
        /** Refuse (upload-artifact v4 without {@code overwrite}). */
        FAIL,
        /** Replace it (v4 with {@code overwrite: true}). */
        REPLACE,
        /** Add the files to it, replacing files of the same path (upload-artifact v3). */
        MERGE
    }
}

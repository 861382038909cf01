package dev.gantry.runner.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The artifacts of one workflow run: named sets of files that jobs upload and later jobs of the same
 * run download (docs.github.com "Storing and sharing data from a workflow"). Created with the run
 * and dropped with it.
 *
 * <p>Contract: thread-safe (the run's jobs upload and download in parallel). An upload appears whole
 * or not at all: a download never sees a half-copied artifact, and a failed upload leaves nothing.
 * Names are compared exactly. Files keep their content and relative paths, not their permissions
 * (upload-artifact v4 does not keep them either).
 */
public interface ArtifactStore {

    /**
     * Stores {@code files} as the artifact {@code name}.
     *
     * @throws IOException when a file cannot be read or the store cannot be written
     */
    ArtifactUploadResult upload(ArtifactUpload upload) throws IOException;

    /** Every artifact of the run, in upload order. */
    List<Artifact> list();

    /** The artifact named {@code name}, if one was uploaded. */
    Optional<Artifact> find(String name);

    /**
     * Copies an artifact's files below {@code destination} with their relative paths, replacing
     * files that exist there.
     *
     * @return what was written
     */
    ArchiveStats download(Artifact artifact, Path destination) throws IOException;
}

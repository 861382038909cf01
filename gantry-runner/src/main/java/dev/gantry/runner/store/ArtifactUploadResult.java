package dev.gantry.runner.store;

/** How an upload ended. */
public sealed interface ArtifactUploadResult {

    /** Stored. */
    record Uploaded(Artifact artifact) implements ArtifactUploadResult {
    }

    /** Refused: an artifact with that name exists and the upload said {@link ArtifactUpload.Existing#FAIL}. */
    record Exists(Artifact existing) implements ArtifactUploadResult {
    }
}

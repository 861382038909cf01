package dev.gantry.runner.store;

import java.time.Instant;

/**
 * An uploaded artifact.
 *
 * @param id            unique in the run, from 1 in upload order
 * @param name          as uploaded
 * @param files         how many files it holds
 * @param size          bytes of content
 * @param digest        hex SHA-256 over the files' relative paths and contents
 * @param retentionDays as the upload asked (0: the default); recorded, not enforced, since the
 *                      artifact lives as long as the run
 * @param created       when the upload finished
 */
public record Artifact(long id, String name, int files, long size, String digest, int retentionDays,
                       Instant created) {
}

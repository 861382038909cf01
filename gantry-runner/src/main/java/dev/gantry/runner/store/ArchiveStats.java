package dev.gantry.runner.store;

/**
 * What an archive held or an extraction did.
 *
 * @param entries files, directories and symbolic links
 * @param bytes   bytes of file content (uncompressed)
 */
public record ArchiveStats(long entries, long bytes) {
}

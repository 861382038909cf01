package dev.gantry.load;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the files of one repository, by repository-relative paths with {@code /}
 * separators. Front ends read includes and match globs through it, so they can be tested with
 * an in-memory tree. Implementations must be safe to call from one thread at a time.
 */
public interface SourceFiles {

    /** The text of the file (UTF-8), or empty when there is no such regular file. */
    Optional<String> read(String path);

    /**
     * Every regular file whose repository-relative path matches {@code glob}, sorted by path.
     * The glob follows {@link java.nio.file.FileSystem#getPathMatcher} "glob:" rules: {@code *}
     * stays within one folder, {@code **} crosses folders.
     */
    List<String> glob(String glob);
}

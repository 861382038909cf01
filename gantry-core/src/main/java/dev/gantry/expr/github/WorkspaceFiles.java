package dev.gantry.expr.github;

import java.io.IOException;
import java.util.List;

/**
 * The files {@code hashFiles} may read: the workspace ({@code GITHUB_WORKSPACE}) as a tree of
 * '/'-separated relative paths. This is the only way expressions reach a file system, so that the
 * evaluator stays pure and tests can use a folder of their own. Implementations must not follow a
 * path out of the workspace.
 */
public interface WorkspaceFiles {

    /**
     * One entry of a directory.
     *
     * @param name      the file or directory name, without a '/'
     * @param directory true for a directory that may be descended into (a symbolic link to a
     *                  directory counts only when links are followed)
     * @param file      true for something {@link #sha256} can read: a regular file, or a symbolic
     *                  link to one
     */
    record Entry(String name, boolean directory, boolean file) {
    }

    /**
     * The entries of a directory in any order; empty when it does not exist.
     *
     * @param dir           a relative directory path, {@code ""} for the workspace root
     * @param followSymlinks whether symbolic links to directories count as directories
     */
    List<Entry> list(String dir, boolean followSymlinks) throws IOException;

    /** The SHA-256 digest (32 bytes) of a file's content; {@code file} is a relative path. */
    byte[] sha256(String file) throws IOException;
}

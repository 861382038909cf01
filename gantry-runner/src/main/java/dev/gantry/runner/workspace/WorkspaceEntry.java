package dev.gantry.runner.workspace;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One thing to put into a workspace.
 *
 * @param path relative path with {@code /} separators, as git writes it
 * @param kind what to create
 * @param blob the object holding the content, for entries of a revision; null when the content is
 *             copied from the working tree
 */
record WorkspaceEntry(String path, Kind kind, ObjectId blob) {

    /** What an entry becomes on disk. */
    enum Kind {
        FILE,
        EXECUTABLE,
        SYMLINK,
        /** A submodule or nested repository: an empty directory, as actions/checkout leaves it by default. */
        GITLINK;

        static Kind of(FileMode mode) {
            if (mode == FileMode.SYMLINK) {
                return SYMLINK;
            }
            if (mode == FileMode.GITLINK) {
                return GITLINK;
            }
            return mode == FileMode.EXECUTABLE_FILE ? EXECUTABLE : FILE;
        }
    }
}

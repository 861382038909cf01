package dev.gantry.runner.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * The files of a working tree that a workspace copies: what {@code git ls-files --cached --others
 * --exclude-standard} would list, minus tracked files deleted from disk. So tracked files as they
 * are on disk (local edits included), untracked files unless ignored, tracked files inside ignored
 * directories too. An ignored directory without tracked files is not even entered, so a large
 * {@code node_modules} or {@code target} costs nothing. {@code .git} is never listed.
 */
final class WorkingTreeListing {

    private WorkingTreeListing() {
    }

    static List<WorkspaceEntry> list(Repository repository) throws IOException {
        List<WorkspaceEntry> entries = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(new DirCacheIterator(repository.readDirCache()));
            FileTreeIterator disk = new FileTreeIterator(repository);
            // Otherwise JGit shows an ignored directory as empty, hiding tracked files inside it;
            // this walk enters ignored directories only when the index has files there.
            disk.setWalkIgnoredDirectories(true);
            walk.addTree(disk);
            walk.setRecursive(false);
            while (walk.next()) {
                DirCacheIterator index = walk.getTree(0, DirCacheIterator.class);
                WorkingTreeIterator onDisk = walk.getTree(1, WorkingTreeIterator.class);
                if (onDisk == null) {
                    continue; // tracked, but deleted in the working tree
                }
                boolean tracked = index != null;
                if (walk.isSubtree()) {
                    if (tracked || !onDisk.isEntryIgnored()) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                if (!tracked && onDisk.isEntryIgnored()) {
                    continue;
                }
                WorkspaceEntry.Kind kind = WorkspaceEntry.Kind.of(onDisk.getEntryFileMode());
                entries.add(new WorkspaceEntry(walk.getPathString(), kind, null));
            }
        }
        return entries;
    }
}

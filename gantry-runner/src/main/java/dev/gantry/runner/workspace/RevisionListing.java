package dev.gantry.runner.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of a commit's tree, with the blobs that hold them. */
final class RevisionListing {

    private RevisionListing() {
    }

    static List<WorkspaceEntry> list(Repository repository, RevCommit commit) throws IOException {
        List<WorkspaceEntry> entries = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                WorkspaceEntry.Kind kind = WorkspaceEntry.Kind.of(walk.getFileMode(0));
                entries.add(new WorkspaceEntry(walk.getPathString(), kind, walk.getObjectId(0)));
            }
        }
        return entries;
    }
}

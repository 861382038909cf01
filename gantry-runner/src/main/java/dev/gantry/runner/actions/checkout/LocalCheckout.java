package dev.gantry.runner.actions.checkout;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.workspace.WorkspacePreparer;
import dev.gantry.runner.workspace.WorkspaceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Checks the run's own repository out of the local one (see {@link Checkout} for the rules). */
final class LocalCheckout {

    private final ActionContext context;
    private final WorkspacePreparer preparer = new WorkspacePreparer();

    LocalCheckout(ActionContext context) {
        this.context = context;
    }

    CheckoutResult checkout(CheckoutRequest request) throws IOException, InputError {
        Path repository = context.repository();
        Path target = request.target();
        String runRef = String.valueOf(context.github().getOrDefault("ref", ""));
        boolean atRoot = target.equals(context.workspace().toAbsolutePath().normalize());
        boolean ownRevision = request.ref().isEmpty() || isRunsOwn(request.ref());
        if (ownRevision && atRoot && !Folders.isEmpty(target)) {
            context.log("The workspace already holds the repository's working tree (copied when the job started);"
                    + " untracked files you have locally are kept");
            context.debug("checkout: fetch-depth has no effect locally: all history is reachable");
            if (request.withSubmodules()) {
                submodules(repository, target, null, request.submodules().equals("recursive"));
            }
            return new CheckoutResult(request.ref().isEmpty() ? runRef : qualify(repository, request.ref()),
                    Files.exists(target.resolve(".git")) ? head(target)
                            : String.valueOf(context.github().getOrDefault("sha", "")));
        }
        Folders.empty(target);
        WorkspaceResult result = ownRevision ? preparer.fromWorkingTree(repository, target)
                : preparer.fromRevision(repository, request.ref(), target);
        if (result instanceof WorkspaceResult.Failed failed) {
            if (!request.ref().isEmpty() && failed.message().contains("is not a commit")) {
                throw new InputError("A branch or tag with the name '" + request.ref() + "' could not be found in "
                        + repository + (request.ref().startsWith("refs/pull/") ? " (pull request refs exist only on"
                        + " the server; locally only the run's own github.ref is served, from your working tree)"
                        : ""));
            }
            throw new IOException(failed.message());
        }
        String commit = ((WorkspaceResult.Prepared) result).commit().orElse("");
        if (request.withSubmodules()) {
            submodules(repository, target, ownRevision ? null : ObjectId.fromString(commit),
                    request.submodules().equals("recursive"));
        }
        context.log((ownRevision ? "Copied the working tree" : "Checked out " + request.ref() + " (" + commit
                + ")") + " into " + target);
        return new CheckoutResult(request.ref().isEmpty() ? runRef : qualify(repository, request.ref()), commit);
    }

    /**
     * True when {@code ref} is the run's own {@code github.ref} or {@code github.sha}: on GitHub that
     * checks out what the default does (for a pull request, {@code refs/pull/N/merge}, which exists
     * only on the server), so here it is the working tree, as without {@code ref}.
     */
    private boolean isRunsOwn(String ref) {
        return ref.equals(String.valueOf(context.github().getOrDefault("ref", "")))
                || ref.equalsIgnoreCase(String.valueOf(context.github().getOrDefault("sha", "")));
    }

    /** The ref the original reports for a {@code ref:} input: qualified for branches and tags, "" for a SHA. */
    private static String qualify(Path repository, String ref) throws IOException {
        if (ref.startsWith("refs/")) {
            return ref;
        }
        if (ref.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
            return "";
        }
        try (Repository repo = open(repository)) {
            if (repo.exactRef(Constants.R_HEADS + ref) != null || repo.exactRef(Constants.R_REMOTES + "origin/" + ref) != null) {
                return Constants.R_HEADS + ref;
            }
            if (repo.exactRef(Constants.R_TAGS + ref) != null) {
                return Constants.R_TAGS + ref;
            }
        }
        return ref;
    }

    /**
     * Fills the submodule folders below {@code target} from the submodules' checkouts in
     * {@code source}: their working trees, or the commits {@code commit}'s tree records.
     */
    private void submodules(Path source, Path target, ObjectId commit, boolean recursive) throws IOException {
        for (Gitlink link : gitlinks(source, commit)) {
            Path from = source.resolve(link.path());
            Path to = target.resolve(link.path());
            if (!Files.exists(from.resolve(".git"))) {
                context.warning("checkout: the submodule '" + link.path() + "' is not checked out in " + source
                        + " (run 'git submodule update --init'); it stays an empty folder");
                continue;
            }
            Folders.empty(to);
            WorkspaceResult result = commit == null ? preparer.fromWorkingTree(from, to)
                    : preparer.fromRevision(from, link.commit().name(), to);
            if (result instanceof WorkspaceResult.Failed failed) {
                context.warning("checkout: the submodule '" + link.path() + "' could not be checked out: "
                        + failed.message());
                continue;
            }
            if (recursive) {
                submodules(from, to, commit == null ? null : link.commit(), true);
            }
        }
    }

    private record Gitlink(String path, ObjectId commit) {
    }

    /** The submodules of the index (working tree) or of a commit's tree. */
    private static List<Gitlink> gitlinks(Path root, ObjectId commit) throws IOException {
        List<Gitlink> links = new ArrayList<>();
        try (Repository repo = open(root)) {
            if (commit == null) {
                DirCache index = repo.readDirCache();
                for (int i = 0; i < index.getEntryCount(); i++) {
                    DirCacheEntry e = index.getEntry(i);
                    if (e.getFileMode() == FileMode.GITLINK) {
                        links.add(new Gitlink(e.getPathString(), e.getObjectId()));
                    }
                }
                return links;
            }
            try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
                RevCommit c = walk.parseCommit(commit);
                tree.addTree(c.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    if (tree.getFileMode(0) == FileMode.GITLINK) {
                        links.add(new Gitlink(tree.getPathString(), tree.getObjectId(0)));
                    }
                }
            }
        }
        return links;
    }

    /** HEAD's SHA in a checked-out folder, or "" for a repository without commits. */
    static String head(Path folder) throws IOException {
        try (Repository repo = open(folder)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            return head == null ? "" : head.name();
        }
    }

    private static Repository open(Path root) throws IOException {
        // No readEnvironment(): GIT_DIR of gantry's caller must not redirect this.
        return new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build();
    }
}

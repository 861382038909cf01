package dev.gantry.runner.actions.checkout;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.git.GitUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.submodule.SubmoduleWalk;

/** Clones another repository with JGit (see {@link Checkout} for the rules). */
final class RemoteCheckout {

    private final ActionContext context;

    RemoteCheckout(ActionContext context) {
        this.context = context;
    }

    CheckoutResult checkout(CheckoutRequest request) throws IOException, InputError {
        String url = url(request.serverUrl(), request.repository());
        String ref = request.ref();
        boolean sha = ref.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
        Folders.empty(request.target());
        context.log("Cloning " + url + (ref.isEmpty() ? "" : " at " + ref) + " into " + request.target());
        try (Git git = clone(url, request, !sha && request.fetchDepth() > 0)) {
            Repository repo = git.getRepository();
            String resolvedRef;
            if (sha) {
                git.checkout().setName(ref).call();
                resolvedRef = "";
            } else if (ref.isEmpty()) {
                resolvedRef = repo.getFullBranch();
            } else {
                resolvedRef = qualified(repo, ref);
                if (resolvedRef == null) {
                    throw new InputError("A branch or tag with the name '" + ref + "' could not be found in " + url);
                }
            }
            if (request.withSubmodules()) {
                updateSubmodules(git, request.submodules().equals("recursive"));
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            return new CheckoutResult(resolvedRef == null ? "" : resolvedRef, head == null ? "" : head.name());
        } catch (GitAPIException e) {
            throw new IOException("could not clone " + url + ": " + e.getMessage(), e);
        }
    }

    private Git clone(String url, CheckoutRequest request, boolean shallow) throws GitAPIException, IOException {
        CloneCommand clone = Git.cloneRepository().setURI(url).setDirectory(request.target().toFile())
                .setCloneAllBranches(true);
        String ref = request.ref();
        if (!ref.isEmpty() && !ref.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
            clone.setBranch(ref);
        }
        if (shallow) {
            clone.setDepth(request.fetchDepth());
        }
        try {
            return clone.call();
        } catch (GitAPIException e) {
            if (!shallow) {
                throw e;
            }
            // Some servers refuse shallow fetches; the full history always works.
            context.debug("checkout: a shallow clone failed (" + e.getMessage() + "); cloning the whole history");
            Folders.empty(request.target());
            return clone.setDepth(Integer.MAX_VALUE).call();
        }
    }

    /** {@code refs/heads/<ref>} or {@code refs/tags/<ref>} when the clone has it, else null. */
    private static String qualified(Repository repo, String ref) throws IOException {
        if (ref.startsWith("refs/")) {
            return repo.exactRef(ref) != null || repo.exactRef(ref.replaceFirst("^refs/heads/", "refs/remotes/origin/")) != null
                    ? ref : null;
        }
        if (repo.exactRef(Constants.R_HEADS + ref) != null || repo.exactRef(Constants.R_REMOTES + "origin/" + ref) != null) {
            return Constants.R_HEADS + ref;
        }
        if (repo.exactRef(Constants.R_TAGS + ref) != null) {
            return Constants.R_TAGS + ref;
        }
        return null;
    }

    private static void updateSubmodules(Git git, boolean recursive) throws GitAPIException, IOException {
        git.submoduleInit().call();
        git.submoduleUpdate().call();
        if (!recursive) {
            return;
        }
        try (SubmoduleWalk walk = SubmoduleWalk.forIndex(git.getRepository())) {
            while (walk.next()) {
                try (Repository sub = walk.getRepository()) {
                    if (sub != null) {
                        try (Git subGit = new Git(sub)) {
                            updateSubmodules(subGit, true);
                        }
                    }
                }
            }
        }
    }

    /** See {@link GitUrls#repository}. */
    static String url(String server, String repository) {
        return GitUrls.repository(server, repository);
    }
}

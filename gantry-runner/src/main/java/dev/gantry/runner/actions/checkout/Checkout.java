package dev.gantry.runner.actions.checkout;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * actions/checkout (github.com/actions/checkout, README and action.yml of the current major version),
 * for a run on this machine.
 *
 * <p>The run's own repository comes from the local repository, never from a server:
 * <ul>
 *   <li>Without {@code ref} and {@code path} the workspace already is the checkout: the job started
 *       with a copy of the working tree (tracked files as they are on disk, untracked files that are
 *       not ignored) and a {@code .git} that shares the repository's objects. Nothing is deleted:
 *       {@code clean: true} would, on GitHub, remove files the checkout did not make, but locally the
 *       untracked files of your working tree are part of what you are testing, so they stay.
 *   <li>With {@code path}, the same copy is made in that folder (below the workspace; the copy at the
 *       workspace's root stays).
 *   <li>With {@code ref} (a branch, tag, SHA or {@code refs/...} of the local repository), that
 *       committed revision is checked out instead, in the workspace or {@code path}; what was there
 *       is removed first.
 *   <li>{@code fetch-depth} changes nothing: the whole history is reachable through the shared
 *       objects, as with {@code fetch-depth: 0}.
 *   <li>{@code submodules: true|recursive} copies each submodule from its checkout in your working
 *       tree (or, with {@code ref}, checks out the recorded commit from it); a submodule you have not
 *       initialised gets a warning and stays an empty folder.
 * </ul>
 * Another {@code repository} is cloned with JGit from {@link dev.gantry.runner.actions.ActionSettings#githubUrl()}
 * (or {@code github-server-url}) as {@code <url>/<owner>/<name>}, honouring {@code ref},
 * {@code fetch-depth} and {@code submodules} (JGit clones them recursively).
 *
 * <p>Left behind, as by the original: a {@code .git} whose remote {@code origin} names the
 * repository and whose {@code gc.auto} is 0, and the folder as a git {@code safe.directory} for later
 * steps, given through {@code GIT_CONFIG_COUNT}/{@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n}
 * rather than by writing to your global git configuration. Outputs {@code ref} and {@code commit}.
 * {@code sparse-checkout} limits the checked-out files ({@link SparseCheckout}); {@code filter} (a
 * partial clone's object filter) changes nothing locally, where every object is reachable and the
 * files checked out are the same as without it.
 * Not done: credentials ({@code token}, {@code ssh-key}; {@code persist-credentials} has nothing to
 * persist) and fetching Git LFS objects ({@code lfs: true} warns unless the files come from your
 * working tree, where LFS already put them).
 */
public final class Checkout implements BuiltinAction {

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            CheckoutRequest request = request(context, in);
            if (!in.string("filter", "").isEmpty()) {
                context.debug("checkout: filter has no effect locally: every object is already reachable, and the"
                        + " files checked out are the same");
            }
            context.debug("checkout: persist-credentials has no effect: a local checkout has no credentials to keep");
            CheckoutResult result = request.workflowRepository()
                    ? new LocalCheckout(context).checkout(request)
                    : new RemoteCheckout(context).checkout(request);
            if (request.lfs() && !(request.workflowRepository() && request.ref().isEmpty())) {
                context.warning("checkout: lfs: true: gantry does not fetch Git LFS objects; files tracked by LFS are"
                        + " left as pointer files");
            }
            List<String> sparse = in.lines("sparse-checkout");
            if (!sparse.isEmpty()) {
                Optional<String> failure = SparseCheckout.apply(context, request.target(), sparse,
                        in.bool("sparse-checkout-cone-mode", true));
                if (failure.isPresent()) {
                    return ActionResult.failure(failure.get());
                }
            }
            GitSettings.leaveBehind(context, request, in.bool("set-safe-directory", true));
            context.setOutput("ref", result.ref());
            context.setOutput("commit", result.commit());
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("checkout: " + e.getMessage());
        }
    }

    static CheckoutRequest request(ActionContext context, ActionInputs in) throws InputError {
        Map<String, Object> github = context.github();
        String own = String.valueOf(github.getOrDefault("repository", ""));
        String repository = in.string("repository", own).replaceFirst("\\.git$", "");
        if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
            throw new InputError("Invalid repository '" + repository + "'. Expected format {owner}/{repo}.");
        }
        Path workspace = context.workspace().toAbsolutePath().normalize();
        Path target = workspace.resolve(in.string("path", ".")).normalize();
        if (!target.startsWith(workspace)) {
            throw new InputError("Repository path '" + target + "' is not under '" + workspace + "'");
        }
        int depth = in.integer("fetch-depth", 1);
        if (depth < 0) {
            depth = 0;
        }
        String submodules = in.string("submodules", "false").toLowerCase(Locale.ROOT);
        if (!List.of("true", "false", "recursive").contains(submodules)) {
            throw new InputError("submodules must be true, false or recursive, not '" + submodules + "'");
        }
        String server = in.string("github-server-url", "");
        String url = server.isEmpty() ? context.services().settings().githubUrl() : server.replaceAll("/+$", "");
        if (!in.bool("clean", true)) {
            context.debug("checkout: clean: false changes nothing here: nothing is cleaned locally either way");
        }
        return new CheckoutRequest(repository, repository.equalsIgnoreCase(own), in.string("ref", ""), target, depth,
                submodules, in.bool("lfs", false), url);
    }
}

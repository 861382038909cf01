package dev.gantry.runner.actions.checkout;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.LoggedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * actions/checkout's {@code sparse-checkout} and {@code sparse-checkout-cone-mode} inputs (README
 * "Usage": "Do a sparse checkout on given patterns. Each pattern should be separated with new
 * lines", cone mode by default): after the checkout, {@code git sparse-checkout set} (with
 * {@code --no-cone} when cone mode is off) in the checked-out folder, as the original does with the
 * git it finds. Git then removes the tracked files outside the patterns and marks them
 * skip-worktree, so {@code git status} stays clean. Untracked files copied from your working tree
 * stay where they are (git warns about them), as every untracked file of a local checkout does.
 * Without a {@code git} on PATH the whole tree stays, with a warning.
 */
final class SparseCheckout {

    private SparseCheckout() {
    }

    /** Limits {@code folder} to {@code patterns}; returns the step's failure message, or empty. */
    static Optional<String> apply(ActionContext context, Path folder, List<String> patterns, boolean cone) {
        if (!Files.exists(folder.resolve(".git"))) {
            context.warning("checkout: sparse-checkout needs a git repository, and " + folder + " has no .git; the"
                    + " whole tree is checked out");
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of("sparse-checkout", "set"));
        if (!cone) {
            args.add("--no-cone");
        }
        args.add("--");
        args.addAll(patterns);
        context.log("Sparse checkout (" + (cone ? "cone" : "no-cone") + " mode): " + String.join(", ", patterns));
        try {
            // The copied files have new timestamps: without a refresh git takes them for changed
            // files and keeps them.
            git(context, folder, List.of("update-index", "-q", "--refresh"));
            return git(context, folder, args) == 0 ? Optional.empty()
                    : Optional.of("checkout: git sparse-checkout failed (see its output above)");
        } catch (IOException e) {
            context.warning("checkout: sparse-checkout needs git on PATH (" + e.getMessage() + "); the whole tree is"
                    + " checked out");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("checkout: interrupted during sparse-checkout");
        }
    }

    /** Runs git with {@code args} in {@code folder}, its output to the log; returns its exit status. */
    private static int git(ActionContext context, Path folder, List<String> args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(args);
        return LoggedCommand.run(context, argv, folder);
    }
}

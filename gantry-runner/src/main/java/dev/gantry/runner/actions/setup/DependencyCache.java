package dev.gantry.runner.actions.setup;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Expression;
import dev.gantry.expr.github.NioWorkspaceFiles;
import dev.gantry.expr.github.Result;
import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.cache.CacheClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cache:} input of the setup actions: the main step restores the entry of a key made
 * from the package manager and the hash of its dependency files, with no restore keys (a changed
 * lock file starts from an empty cache, as setup-java's README explains); the post step saves it
 * when the key was not an exact hit. The key, paths and matched key pass from main to post in the
 * step's state, as the originals do. A job running on this machine uses folders in the user's home
 * folder in place instead (see {@link #restore(ActionContext, String, List, Path)}).
 */
final class DependencyCache {

    static final String STATE_PRIMARY_KEY = "cache-primary-key";
    static final String STATE_MATCHED_KEY = "cache-matched-key";
    static final String STATE_PATHS = "cache-paths";

    private DependencyCache() {
    }

    /**
     * Restores the entry of {@code primaryKey} into {@code paths}; sets the {@code cache-hit}
     * output ({@code 'true'} or {@code 'false'}).
     *
     * @return the key of the entry restored, empty when none was
     */
    static Optional<String> restore(ActionContext context, String primaryKey, List<String> paths)
            throws InputError, IOException {
        return restore(context, primaryKey, paths, Path.of(System.getProperty("user.home")));
    }

    /**
     * As {@link #restore(ActionContext, String, List)}, except that when every path is inside
     * {@code machineHome} and that is the job's home folder (a job on this machine, not in a fresh
     * runner), the folders are used in place: restoring would rewrite them with what they already
     * hold and saving would copy hundreds of megabytes ({@code ~/.m2/repository}) into the store,
     * while they persist between runs anyway. Nothing is restored or saved then, {@code cache-hit}
     * is {@code 'false'} (nothing came from the cache) and a notice says so.
     */
    static Optional<String> restore(ActionContext context, String primaryKey, List<String> paths, Path machineHome)
            throws InputError, IOException {
        if (inPlace(paths, ActionInputs.home(context.env()), machineHome)) {
            String folders = String.join(", ", paths.stream().filter(p -> !p.startsWith("!")).toList());
            context.notice("cache", "in place: " + folders + " (this machine's own folder, kept between runs):"
                    + " not restored, not saved");
            context.log("Cache not restored or saved: a job on this machine uses " + folders + " directly");
            context.setOutput("cache-hit", "false");
            return Optional.empty();
        }
        context.saveState(STATE_PRIMARY_KEY, primaryKey);
        context.saveState(STATE_PATHS, String.join("\n", paths));
        Optional<String> matched = new CacheClient(context).restore(paths, primaryKey, List.of(), false);
        if (matched.isPresent()) {
            context.saveState(STATE_MATCHED_KEY, matched.get());
            context.log("Cache restored from key: " + matched.get());
        } else {
            context.log("Cache is not found");
        }
        context.setOutput("cache-hit", Boolean.toString(matched.isPresent()
                && CacheClient.isExactMatch(primaryKey, matched.get())));
        return matched;
    }

    private static boolean inPlace(List<String> paths, Path jobHome, Path machineHome) {
        Path home = machineHome.toAbsolutePath().normalize();
        if (!jobHome.toAbsolutePath().normalize().equals(home)) {
            return false;
        }
        return paths.stream().map(p -> p.startsWith("!") ? p.substring(1) : p).allMatch(p -> under(p, home));
    }

    private static boolean under(String path, Path home) {
        try {
            Path p = Path.of(path);
            return p.isAbsolute() && p.normalize().startsWith(home);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The post step: saves unless nothing was restored-for or the key was an exact hit. */
    static void save(ActionContext context) {
        String key = context.state(STATE_PRIMARY_KEY);
        if (key.isEmpty()) {
            return; // no cache: input, or the main step failed before choosing a key
        }
        if (CacheClient.isExactMatch(key, context.state(STATE_MATCHED_KEY))) {
            context.log("Cache hit occurred on the primary key " + key + ", not saving cache.");
            return;
        }
        new CacheClient(context).save(List.of(context.state(STATE_PATHS).split("\n")), key);
    }

    /**
     * {@code hashFiles} of the patterns, relative to the workspace, as the expression function
     * computes it; "" when no file matches.
     */
    static String hashFiles(Path workspace, List<String> patterns) {
        List<String> quoted = new ArrayList<>();
        for (String p : patterns) {
            quoted.add("'" + p.replace("'", "''") + "'");
        }
        Result<Expression> parsed = Expression.parse("hashFiles(" + String.join(", ", quoted) + ")");
        if (!(parsed instanceof Result.Ok<Expression> ok)) {
            return "";
        }
        Result<Object> value = ok.value().evaluate(EvalContext.empty().withWorkspace(new NioWorkspaceFiles(workspace)));
        return value instanceof Result.Ok<Object> v && v.value() instanceof String s ? s : "";
    }
}

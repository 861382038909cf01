package dev.gantry.runner.actions.setup;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Expression;
import dev.gantry.expr.github.NioWorkspaceFiles;
import dev.gantry.expr.github.Result;
import dev.gantry.runner.actions.ActionContext;
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
 * step's state, as the originals do.
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
     */
    static void restore(ActionContext context, String primaryKey, List<String> paths) throws InputError, IOException {
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

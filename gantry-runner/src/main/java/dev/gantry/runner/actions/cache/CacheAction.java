package dev.gantry.runner.actions.cache;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * actions/cache (github.com/actions/cache, README and action.yml of the current major version):
 * restores in the main step, saves in the post step when the job succeeded ({@code post-if:
 * success()}) and the primary key was not an exact hit. Inputs {@code path}, {@code key},
 * {@code restore-keys}, {@code fail-on-cache-miss}, {@code lookup-only}; {@code enableCrossOsArchive},
 * {@code upload-chunk-size} and the deprecated {@code save-always} are accepted and have no effect
 * here. Output {@code cache-hit}: {@code 'true'} on an exact hit, {@code 'false'} when a restore key
 * (or a longer key starting with the primary key) matched, unset on a miss (as the original leaves it).
 */
public final class CacheAction implements BuiltinAction {

    static final String STATE_PRIMARY_KEY = "CACHE_KEY";
    static final String STATE_MATCHED_KEY = "CACHE_RESULT";

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String key = in.required("key");
            List<String> paths = paths(in);
            context.saveState(STATE_PRIMARY_KEY, key);
            return restore(context, in, key, paths, matched -> context.saveState(STATE_MATCHED_KEY, matched));
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("the cache could not be restored: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> postIf() {
        return Optional.of("success()");
    }

    @Override
    public ActionResult post(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        String key = context.state(STATE_PRIMARY_KEY).isEmpty() ? in.string("key", "") : context.state(STATE_PRIMARY_KEY);
        if (key.isEmpty()) {
            context.warning("Key is not specified.");
            return ActionResult.success();
        }
        if (CacheClient.isExactMatch(key, context.state(STATE_MATCHED_KEY))) {
            context.log("Cache hit occurred on the primary key " + key + ", not saving cache.");
            return ActionResult.success();
        }
        try {
            new CacheClient(context).save(paths(in), key);
        } catch (InputError e) {
            context.warning(e.getMessage());
        }
        return ActionResult.success();
    }

    /**
     * The restore that actions/cache and actions/cache/restore share: {@code restore-keys},
     * {@code lookup-only} and {@code fail-on-cache-miss}, the {@code cache-hit} output and the log
     * lines the toolkit prints.
     *
     * @param found receives the key of the entry found, before the outputs are set
     */
    static ActionResult restore(ActionContext context, ActionInputs in, String key, List<String> paths,
                                Consumer<String> found) throws InputError, IOException {
        boolean failOnMiss = in.bool("fail-on-cache-miss", false);
        boolean lookupOnly = in.bool("lookup-only", false);
        List<String> restoreKeys = in.lines("restore-keys");
        Optional<String> matched = new CacheClient(context).restore(paths, key, restoreKeys, lookupOnly);
        if (matched.isEmpty()) {
            if (failOnMiss) {
                return ActionResult.failure("Failed to restore cache entry. Exiting as fail-on-cache-miss is set."
                        + " Input key: " + key);
            }
            context.log("Cache not found for input keys: " + String.join(", ", keys(key, restoreKeys)));
            return ActionResult.success();
        }
        found.accept(matched.get());
        context.setOutput("cache-hit", Boolean.toString(CacheClient.isExactMatch(key, matched.get())));
        context.log(lookupOnly ? "Cache found and can be restored from key: " + matched.get()
                : "Cache restored from key: " + matched.get());
        return ActionResult.success();
    }

    /** The {@code path} lines; required. */
    static List<String> paths(ActionInputs in) throws InputError {
        List<String> paths = in.lines("path");
        if (paths.isEmpty()) {
            throw new InputError("Input required and not supplied: path");
        }
        return paths;
    }

    static List<String> keys(String key, List<String> restoreKeys) {
        List<String> all = new java.util.ArrayList<>();
        all.add(key);
        all.addAll(restoreKeys);
        return all;
    }
}

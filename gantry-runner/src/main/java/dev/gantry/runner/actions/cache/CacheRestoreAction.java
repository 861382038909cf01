package dev.gantry.runner.actions.cache;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * actions/cache/restore (github.com/actions/cache, restore/README.md and restore/action.yml): the
 * restore half of actions/cache, without a post step. Outputs {@code cache-hit},
 * {@code cache-primary-key} (the key, always) and {@code cache-matched-key} (the entry restored).
 */
public final class CacheRestoreAction implements BuiltinAction {

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String key = in.required("key");
            List<String> paths = CacheAction.paths(in);
            boolean failOnMiss = in.bool("fail-on-cache-miss", false);
            boolean lookupOnly = in.bool("lookup-only", false);
            List<String> restoreKeys = in.lines("restore-keys");
            CacheClient.validate(CacheAction.keys(key, restoreKeys));
            context.setOutput("cache-primary-key", key);
            Optional<String> matched = new CacheClient(context).restore(paths, key, restoreKeys, lookupOnly);
            if (matched.isEmpty()) {
                if (failOnMiss) {
                    return ActionResult.failure("Failed to restore cache entry. Exiting as fail-on-cache-miss is set."
                            + " Input key: " + key);
                }
                context.log("Cache not found for input keys: " + String.join(", ", CacheAction.keys(key, restoreKeys)));
                return ActionResult.success();
            }
            context.setOutput("cache-matched-key", matched.get());
            context.setOutput("cache-hit", Boolean.toString(CacheClient.isExactMatch(key, matched.get())));
            context.log(lookupOnly ? "Cache found and can be restored from key: " + matched.get()
                    : "Cache restored from key: " + matched.get());
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("the cache could not be restored: " + e.getMessage());
        }
    }
}

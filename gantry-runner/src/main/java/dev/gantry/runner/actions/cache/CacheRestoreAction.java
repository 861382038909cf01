package dev.gantry.runner.actions.cache;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import java.io.IOException;
import java.util.List;

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
            CacheClient.validate(CacheAction.keys(key, in.lines("restore-keys")));
            context.setOutput("cache-primary-key", key);
            return CacheAction.restore(context, in, key, paths, matched -> context.setOutput("cache-matched-key", matched));
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("the cache could not be restored: " + e.getMessage());
        }
    }
}

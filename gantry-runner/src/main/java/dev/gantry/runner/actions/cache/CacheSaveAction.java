package dev.gantry.runner.actions.cache;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;

/**
 * actions/cache/save (github.com/actions/cache, save/README.md and save/action.yml): saves
 * {@code path} under {@code key} where the step stands, whatever happened to the job. A key that
 * exists already is not overwritten; like the original, that is a warning ("Cache save failed."),
 * not a failure.
 */
public final class CacheSaveAction implements BuiltinAction {

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String key = in.required("key");
            if (!new CacheClient(context).save(CacheAction.paths(in), key)) {
                context.warning("Cache save failed.");
            }
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        }
    }
}

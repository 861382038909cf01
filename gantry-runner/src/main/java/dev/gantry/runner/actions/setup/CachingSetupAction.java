package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.BuiltinAction;
import java.util.Optional;

/**
 * A setup action with a dependency cache: its main step restores the cache (when its
 * {@code cache} input asks for one) and its post step saves it, only when the job succeeded, as
 * the originals' {@code action.yml} declare ({@code post-if: success()}).
 */
interface CachingSetupAction extends BuiltinAction {

    @Override
    default Optional<String> postIf() {
        return Optional.of("success()");
    }

    @Override
    default ActionResult post(ActionContext context) {
        DependencyCache.save(context);
        return ActionResult.success();
    }
}

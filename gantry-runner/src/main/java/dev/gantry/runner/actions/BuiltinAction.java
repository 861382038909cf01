package dev.gantry.runner.actions;

/**
 * An action Gantry carries out itself instead of fetching it, because nearly every workflow names
 * it and it must work offline (actions/checkout, actions/setup-java, actions/cache, ...). An
 * implementation behaves as the original does at the versions users name: the same inputs with the
 * same defaults, the same outputs, the same files left behind.
 *
 * <p>Called by the job runner on the job's thread: {@link #main} once for the step, then, after the
 * job's last step and in reverse order of the steps, {@link #post} when the original has a post step
 * and its condition holds. Implementations keep no state between calls: what {@code post} needs,
 * {@code main} saves with {@link ActionContext#saveState}.
 */
public interface BuiltinAction {

    /**
     * Runs the action's main step.
     *
     * @return the step's result; a failure carries a message for the log
     */
    ActionResult main(ActionContext context);

    /**
     * The condition of the post step as the original's {@code action.yml} writes it
     * ({@code runs.post-if}), for example {@code success()} or {@code always()}; empty for an action
     * without a post step.
     */
    default java.util.Optional<String> postIf() {
        return java.util.Optional.empty();
    }

    /** Runs the post step; only called when {@link #postIf()} is present and true. */
    default ActionResult post(ActionContext context) {
        return ActionResult.success();
    }
}

package dev.gantry.runner.actions;

/**
 * How a built-in action's step ended.
 *
 * @param ok      true when it succeeded
 * @param message for a failure: why, in a sentence for the log (never a secret); null on success
 */
public record ActionResult(boolean ok, String message) {

    private static final ActionResult SUCCESS = new ActionResult(true, null);

    public static ActionResult success() {
        return SUCCESS;
    }

    public static ActionResult failure(String message) {
        return new ActionResult(false, message);
    }
}

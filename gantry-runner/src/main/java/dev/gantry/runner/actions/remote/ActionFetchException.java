package dev.gantry.runner.actions.remote;

/** An action repository could not be had; the message is for the user and names the action. */
public final class ActionFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    public ActionFetchException(String message) {
        super(message, null, false, false);
    }
}

package dev.gantry.runner.container;

/**
 * A container operation failed. The message is written for the user of a pipeline: it names the
 * image, container or network concerned and, where the engine said why, ends with the engine's
 * words. It never holds an environment value (those may be secrets).
 */
public final class ContainerException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}

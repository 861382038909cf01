package dev.gantry.runner.container;

/**
 * Receives the output of a command exec'd in a container, one line at a time; the same shape as
 * the host process layer's listener, so a job runner can hand both the same consumer.
 *
 * <p>Called only from the thread that runs {@link ContainerExec#await}, one call at a time. The
 * line has no terminator ({@code \n} or {@code \r\n} removed); a last line without a newline is
 * delivered when the command ends; invalid UTF-8 arrives as U+FFFD. Lines of one stream keep
 * their order; lines of stdout and stderr are interleaved in the order the engine delivered them.
 * An exception thrown here ends {@code await} (the command keeps running; call
 * {@link ContainerExec#cancel()}).
 */
@FunctionalInterface
public interface ExecListener {

    void line(ExecStream stream, String line);
}

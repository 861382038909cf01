package dev.gantry.runner.process;

/**
 * Receives a step's output one line at a time.
 *
 * <p>Called only from the thread that runs {@link StepProcess#await(OutputListener)}, one call at a
 * time, so an implementation needs no locking of its own. The line has no line terminator: a
 * trailing {@code \n} or {@code \r\n} is removed; invalid UTF-8 arrives as U+FFFD. An exception
 * thrown here is not caught: it ends {@code await} (the process keeps running; call
 * {@link StepProcess#cancel()}).
 */
@FunctionalInterface
public interface OutputListener {

    void line(StreamKind stream, String line);
}

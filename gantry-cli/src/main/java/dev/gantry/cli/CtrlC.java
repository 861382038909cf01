package dev.gantry.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps Ctrl-C (SIGINT, or SIGTERM) from ending the JVM in the middle of a run: a shutdown hook
 * cancels the run ({@link #cancels}) and then waits, up to a minute, until this is closed. Open it
 * before the run folder exists and close it after the folder's deletion and the {@code --json}
 * file, so that a cancelled run stops its jobs cleanly and still leaves nothing behind in the
 * temporary folder.
 *
 * <pre>{@code
 * try (CtrlC ctrlC = new CtrlC()) {
 *     ... ctrlC.cancels(execution::cancel); execution.execute(...) ... finally delete the run folder
 * }
 * }</pre>
 */
final class CtrlC implements AutoCloseable {

    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "gantry-cancel");
    private Runnable cancel = () -> { };
    private boolean pressed;

    CtrlC() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What a Ctrl-C cancels; run at once when Ctrl-C came before. */
    void cancels(Runnable target) {
        boolean now;
        synchronized (this) {
            cancel = target;
            now = pressed;
        }
        if (now) {
            target.run();
        }
    }

    private void interrupted() {
        Runnable target;
        synchronized (this) {
            pressed = true;
            target = cancel;
        }
        target.run();
        try {
            closed.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the JVM end. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down because of Ctrl-C; the hook was waiting for this.
        }
    }
}

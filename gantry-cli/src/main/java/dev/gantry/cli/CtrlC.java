package dev.gantry.cli;

import dev.gantry.runner.process.ProcessGroupRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps Ctrl-C (SIGINT, or SIGTERM) from ending the JVM in the middle of a run: a shutdown hook
 * cancels the run ({@link #cancels}) and then waits until this is closed. Open it before the run
 * folder exists and close it after the folder's deletion and the {@code --json} file, so that a
 * cancelled run stops its jobs cleanly (its {@code if: always()} steps still run, as on GitHub) and
 * leaves nothing behind in the temporary folder.
 *
 * <p>The wait is bounded, as GitHub bounds a cancelled job's clean-up (its cancel timeout): after
 * {@code GANTRY_CANCEL_TIMEOUT} seconds (default 60) every process group the run's steps still
 * have is killed, and the JVM ends without the run's last words (its folder stays, no
 * {@code --json}), as a stop that leaves no process behind.
 *
 * <pre>{@code
 * try (CtrlC ctrlC = new CtrlC()) {
 *     ... ctrlC.cancels(execution::cancel); execution.execute(...) ... finally delete the run folder
 * }
 * }</pre>
 */
final class CtrlC implements AutoCloseable {

    private static final long DEFAULT_WAIT_SECONDS = 60;

    private final long waitSeconds;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "gantry-cancel");
    private Runnable cancel = () -> { };
    private boolean pressed;

    CtrlC() {
        this(waitSeconds(System.getenv("GANTRY_CANCEL_TIMEOUT")));
    }

    CtrlC(long waitSeconds) {
        this.waitSeconds = waitSeconds;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The wait in seconds a {@code GANTRY_CANCEL_TIMEOUT} value asks for; the default when unset or not a number. */
    static long waitSeconds(String setting) {
        try {
            return setting == null || setting.isBlank() ? DEFAULT_WAIT_SECONDS : Math.max(0, Long.parseLong(setting.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT_SECONDS;
        }
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
            if (!closed.await(waitSeconds, TimeUnit.SECONDS)) {
                System.err.println("gantry: the cancelled run did not stop within " + waitSeconds
                        + " s (GANTRY_CANCEL_TIMEOUT): its processes are killed");
                ProcessGroupRegistry.killEverywhere();
            }
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

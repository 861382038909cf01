package dev.gantry.cli;

import dev.gantry.runner.actions.ActionSettings;
import dev.gantry.runner.files.Trees;
import dev.gantry.runner.store.CacheStore;
import dev.gantry.runner.store.FileCacheStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What every {@code gantry run} invocation does around the engine, whatever the format. */
final class RunSupport {

    private RunSupport() {
    }

    /** A run's body; throws what running throws. */
    @FunctionalInterface
    interface Body<T> {
        T call() throws IOException, InterruptedException;
    }

    /**
     * Runs {@code body}, calling {@code cancel} on Ctrl-C and keeping the JVM alive (up to a minute)
     * until the body has returned, so that running jobs stop cleanly and their cleanup still runs.
     */
    static <T> T cancellable(Runnable cancel, Body<T> body) throws IOException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gantry-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.call();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down because of Ctrl-C; the hook is waiting for us.
            }
        }
    }

    /** The machine's cache store where the settings put it ({@code GANTRY_CACHE_DIR}, ...); GitHub and GitLab runs share it. */
    static CacheStore cacheStore() {
        ActionSettings settings = ActionSettings.from(System.getenv(), System.getProperties());
        return new FileCacheStore(settings.cacheDirectory(), settings.cacheSizeLimit(), Clock.systemUTC());
    }

    /**
     * Deletes a run's temporary folder, best effort, without making the user wait: a job's workspace
     * may hold tens of thousands of files ({@code node_modules}, {@code target}), whose deletion takes
     * a minute on a slow disk after the summary has been printed. So a detached {@code rm -rf} (in its
     * own session when {@code setsid} exists, so that a later Ctrl-C of the calling script does not
     * stop it) deletes it after gantry has exited; without {@code rm}, gantry deletes it itself.
     */
    static void deleteTree(Path root) {
        String path = root.toAbsolutePath().toString();
        for (List<String> command : List.of(List.of("setsid", "rm", "-rf", "--", path), List.of("rm", "-rf", "--", path))) {
            try {
                new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // Not on this machine: try the next way.
            }
        }
        Trees.deleteQuietly(root);
    }
}

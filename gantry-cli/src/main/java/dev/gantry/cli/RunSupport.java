package dev.gantry.cli;

import dev.gantry.runner.actions.ActionSettings;
import dev.gantry.runner.files.Trees;
import dev.gantry.runner.store.CacheStore;
import dev.gantry.runner.store.FileCacheStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What every {@code gantry run} invocation does around the engine, whatever the format. */
final class RunSupport {

    private RunSupport() {
    }

    /** What a run does in its folder; {@code ctrlC} takes what a Ctrl-C cancels. */
    @FunctionalInterface
    interface RunBody {
        int run(Path runDir, CtrlC ctrlC) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code body} in a new run folder ({@link #runDirectory()}), deleted afterwards, with Ctrl-C
     * held off until the folder is gone ({@link CtrlC}).
     *
     * @return what the body returns: the exit status
     */
    static int inRunFolder(RunBody body) throws IOException, InterruptedException {
        try (CtrlC ctrlC = new CtrlC()) {
            Path runDir = runDirectory();
            try {
                return body.run(runDir, ctrlC);
            } finally {
                deleteTree(runDir);
            }
        }
    }

    /** The machine's cache store where the settings put it ({@code GANTRY_CACHE_DIR}, ...); GitHub and GitLab runs share it. */
    static CacheStore cacheStore() {
        ActionSettings settings = ActionSettings.from(System.getenv(), System.getProperties());
        return new FileCacheStore(settings.cacheDirectory(), settings.cacheSizeLimit(), Clock.systemUTC());
    }

    /**
     * Makes a new private folder ({@code rwx------}) for a run's workspaces and files in the
     * temporary folder ({@code java.io.tmpdir}), named {@code gantry-run-ID} after a run id. Not
     * {@code Files.createTempDirectory}: its random name costs a {@code SecureRandom}, a few
     * milliseconds of a cold start. A name already taken (by anyone) is skipped, never reused.
     */
    static Path runDirectory() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long id = RunIds.next();
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(temp.resolve("gantry-run-" + (id + attempt)),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 99) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes a run's temporary folder, best effort, without making the user wait: a job's workspace
     * may hold tens of thousands of files ({@code node_modules}, {@code target}), whose deletion takes
     * a minute on a slow disk after the summary has been printed. So an {@code rm -rf} that outlives
     * gantry deletes it; without {@code rm}, gantry deletes it itself.
     *
     * <p>The {@code rm} must not be gantry's child when gantry exits: the JVM then has a thread
     * waiting for that child, and its exit waits up to 0.3 s for such threads. So it is started
     * through a process that forks it and returns at once: {@code setsid -f} (which also gives it a
     * session of its own, so that a later Ctrl-C of the calling script does not stop it) or a shell
     * running it in the background.
     */
    static void deleteTree(Path root) {
        String path = root.toAbsolutePath().toString();
        List<List<String>> ways = List.of(List.of("setsid", "-f", "rm", "-rf", "--", path),
                List.of("sh", "-c", "rm -rf -- \"$1\" &", "sh", path));
        for (List<String> command : ways) {
            try {
                Process starter = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (starter.waitFor(5, TimeUnit.SECONDS) && starter.exitValue() == 0) {
                    return;
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Not on this machine: try the next way.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Trees.deleteQuietly(root);
    }
}

package dev.gantry.runner.git;

import java.io.File;
import java.lang.reflect.Method;
import org.eclipse.jgit.internal.util.CleanupService;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Process-wide JGit settings. JGit finds git's system configuration by running
 * {@code git config --system --show-origin} the first time a repository is opened, which costs a
 * process start (tens of milliseconds, more on a loaded machine) on every {@code gantry run}; we name
 * the standard location instead.
 *
 * <p>JGit's clean-up at exit (stale lock files, a partial clone, its background thread) normally
 * runs in a shutdown hook. JGit names that hook's thread, and logs each clean-up step, with texts
 * from its message bundle; loading the bundle sets its 1,100 message fields by reflection, 60-80 ms
 * of a cold process, on every run. JGit lets an OSGi container run the clean-up instead (its
 * {@code CleanupService} component); gantry takes that role: it creates the service before JGit's
 * first use, and its own shutdown hook runs JGit's clean-up, unless the command said with
 * {@link #skipCleanupAtExit()} that JGit holds nothing any more. Should a JGit version no longer
 * offer the hand-over, JGit keeps its own hook.
 */
public final class JGitSettings {

    private static volatile boolean applied;
    private static volatile boolean cleanupNeeded = true;

    private JGitSettings() {
    }

    /**
     * Applies the settings and runs JGit's one-time static set-up: file-system detection, its
     * message bundle and its cleanup hook, tens of milliseconds of cold code at start-up. A command
     * calls this first thing on another thread, overlapping that cost with its own set-up.
     * Idempotent and thread-safe.
     */
    public static void prepare() {
        apply();
        // A config file's first snapshot initialises JGit's file-store attributes, which register its
        // cleanup hook, which loads its messages.
        new FileBasedConfig(new File("/dev/null"), FS.DETECTED);
    }

    /** Applies the settings once; call before the first JGit repository is opened. */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (JGitSettings.class) {
            if (!applied) {
                String prefix = System.getenv("PREFIX");
                File system = new File(prefix != null && !prefix.isEmpty() ? prefix + "/etc/gitconfig" : "/etc/gitconfig");
                FS.DETECTED.setGitSystemConfig(system);
                takeOverCleanup();
                applied = true;
            }
        }
    }

    /**
     * Says that JGit has finished: every repository is closed and no lock is held, as after a
     * command that ran to its end. The process then exits without JGit's clean-up, which would
     * only stop JGit's idle background thread after loading its message bundle. An interrupted
     * command never calls this, so its locks and partial clones are still cleaned up.
     */
    public static void skipCleanupAtExit() {
        cleanupNeeded = false;
    }

    /** Runs JGit's exit clean-up from gantry's own shutdown hook; see the class comment. */
    private static void takeOverCleanup() {
        Method shutDown;
        try {
            shutDown = CleanupService.class.getDeclaredMethod("shutDown");
            shutDown.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return; // another JGit version: it registers its own hook, as it always did
        }
        CleanupService service = new CleanupService();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!cleanupNeeded) {
                return;
            }
            try {
                shutDown.invoke(service);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Nothing to report to at exit; JGit's clean-up only removes leftovers.
            }
        }, "gantry-jgit-cleanup"));
    }
}

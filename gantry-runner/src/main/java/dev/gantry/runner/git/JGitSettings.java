package dev.gantry.runner.git;

import java.io.File;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Process-wide JGit settings. JGit finds git's system configuration by running
 * {@code git config --system --show-origin} the first time a repository is opened, which costs a
 * process start (tens of milliseconds, more on a loaded machine) on every {@code gantry run}; we name
 * the standard location instead. Idempotent and thread-safe.
 */
public final class JGitSettings {

    private static volatile boolean applied;

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
                applied = true;
            }
        }
    }
}

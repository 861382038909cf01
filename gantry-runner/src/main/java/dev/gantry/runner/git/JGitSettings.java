package dev.gantry.runner.git;

import java.io.File;
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

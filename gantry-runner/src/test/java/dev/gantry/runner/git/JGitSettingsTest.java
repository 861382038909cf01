package dev.gantry.runner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.internal.storage.file.LockFile;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit's clean-up at exit still happens when gantry runs it instead of JGit's own shutdown hook,
 * and a command that finished loads no JGit message bundle. Each case runs in a fresh JVM: the
 * hand-over works only before JGit's first use, and the clean-up runs at exit.
 */
class JGitSettingsTest {

    @TempDir
    Path dir;

    /** The child JVM: {@code lock FILE} exits holding a JGit lock; {@code read FILE} reads a config and finishes. */
    public static void main(String[] args) throws Exception {
        JGitSettings.prepare();
        File file = new File(args[1]);
        if (args[0].equals("lock")) {
            System.exit(new LockFile(file).lock() ? 0 : 3);
        }
        FileBasedConfig config = new FileBasedConfig(file, FS.DETECTED);
        config.load();
        JGitSettings.skipCleanupAtExit();
        System.exit(config.getString("core", null, "x").equals("y") ? 0 : 4);
    }

    @Test
    void aLockHeldWhenTheProcessExitsIsRemoved() throws Exception {
        Path target = dir.resolve("config");
        Files.writeString(target, "x");

        assertThat(child("lock", target)).isZero();
        assertThat(dir.resolve("config.lock")).doesNotExist();
    }

    @Test
    void aFinishedCommandNeverLoadsJGitsMessages() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[core]\n\tx = y\n");

        assertThat(child("read", config)).isZero();
        assertThat(Files.readString(dir.resolve("classes.log")))
                .contains("org.eclipse.jgit.storage.file.FileBasedConfig ")
                .doesNotContain("org.eclipse.jgit.internal.JGitText ");
    }

    private int child(String mode, Path file) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + dir.resolve("classes.log"),
                "-cp", System.getProperty("java.class.path"),
                JGitSettingsTest.class.getName(), mode, file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return child.exitValue();
    }
}

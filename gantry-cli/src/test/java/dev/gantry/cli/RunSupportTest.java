package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSupportTest {

    @TempDir
    Path dir;

    /**
     * The run folder is deleted after gantry has gone, by a process that is not gantry's child:
     * the JVM's exit waits for threads that wait for children, so a child {@code rm} would hold
     * up every run's exit.
     */
    @Test
    void theRunFolderIsDeletedByAProcessThatIsNotAChild() throws Exception {
        Path run = dir.resolve("gantry-run-test");
        for (int i = 0; i < 500; i++) {
            Path job = run.resolve("jobs/" + (i % 10) + "/builds/project");
            Files.createDirectories(job);
            Files.writeString(job.resolve("file-" + i), "x".repeat(100));
        }

        RunSupport.deleteTree(run);

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Files.exists(run) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(run).doesNotExist();
    }

    @Test
    void runFoldersArePrivateAndNeverShared() throws Exception {
        Path first = RunSupport.runDirectory();
        Path second = RunSupport.runDirectory();
        try {
            assertThat(first).isNotEqualTo(second);
            assertThat(first.getFileName().toString()).startsWith("gantry-run-");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                    .isEqualTo("rwx------");
        } finally {
            Files.delete(first);
            Files.delete(second);
        }
    }
}

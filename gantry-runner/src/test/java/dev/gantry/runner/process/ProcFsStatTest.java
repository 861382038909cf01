package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing {@code /proc/<pid>/stat} (proc(5)): pid, state and process group, whatever the command name. */
class ProcFsStatTest {

    @TempDir
    Path dir;

    @Test
    void readsPidAndGroup() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("4242 (bash) S 4200 4242 4242 34816 4242 4194560 112 0 0 0")))
                .isEqualTo(new ProcessEntry(4242, 4242));
    }

    @Test
    void aCommandNameWithParenthesesAndSpacesDoesNotShiftTheFields() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("77 (a) b (c) R 1 1234 77 0 -1 4194304 0")))
                .isEqualTo(new ProcessEntry(77, 1234));
    }

    @Test
    void zombiesAndUnreadableFilesAreNoProcesses() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("88 (sleep) Z 1 88 88 0 -1 0"))).isNull();
        assertThat(ProcessTable.ProcFs.read(stat("garbage"))).isNull();
        assertThat(ProcessTable.ProcFs.read(dir.resolve("missing"))).isNull();
    }

    private Path stat(String line) throws Exception {
        Path file = Files.createTempFile(dir, "stat", "");
        Files.writeString(file, line + "\n");
        return file;
    }
}

package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing {@code /proc/<pid>/stat} (proc(5)): pid, state, process group and start time, whatever the command name. */
class ProcFsStatTest {

    @TempDir
    Path dir;

    @Test
    void readsPidAndGroup() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("4242 (bash) S 4200 4242 4242 34816 4242 4194560 112 0 0 0")))
                .isEqualTo(new ProcessEntry(4242, 4242, 0));
    }

    @Test
    void readsTheStartTimeAfterNegativeFields() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("17625 (cat) R 17622 17622 28989 0 -1 4194304 99 0 0 0 0 0 0 0 -2 0"
                + " 1 0 3238648 3133440 384 18446744073709551615 94148933619712")))
                .isEqualTo(new ProcessEntry(17625, 17622, 3238648));
    }

    @Test
    void aCommandNameWithParenthesesAndSpacesDoesNotShiftTheFields() throws Exception {
        assertThat(ProcessTable.ProcFs.read(stat("77 (a) b (c) R 1 1234 77 0 -1 4194304 0")))
                .isEqualTo(new ProcessEntry(77, 1234, 0));
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

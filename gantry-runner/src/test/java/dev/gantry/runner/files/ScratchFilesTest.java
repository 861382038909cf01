package dev.gantry.runner.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void givesEmptyFilesAndLeavesNoSpareBehindAfterClose() throws Exception {
        ScratchFiles files = new ScratchFiles(dir, 4);
        Files.writeString(files.create("a.sh"), "echo a");
        Path log = files.create("a.log");
        assertThat(log).exists().isEmptyFile();
        assertThat(dir.resolve("a.sh")).hasContent("echo a");
        files.close();
        assertThat(names()).containsExactly("a.log", "a.sh");
    }

    @Test
    void makesNoMoreFilesThanExpected() throws Exception {
        ScratchFiles files = new ScratchFiles(dir, 1);
        files.create("only");
        Thread.sleep(50);
        assertThat(names()).containsExactly("only");
        files.create("beyond the guess");
        files.close();
        assertThat(names()).containsExactly("beyond the guess", "only");
    }

    @Test
    void refusesAnExistingNameAndKeepsItsContent() throws Exception {
        Files.writeString(dir.resolve("taken"), "mine");
        try (ScratchFiles files = new ScratchFiles(dir, 3)) {
            assertThatThrownBy(() -> files.create("taken")).isInstanceOf(FileAlreadyExistsException.class);
            assertThat(dir.resolve("taken")).hasContent("mine");
        }
        assertThat(names()).containsExactly("taken");
    }

    @Test
    void numberedNamesSkipNamesTakenByOthers() throws Exception {
        Files.createFile(dir.resolve("step-2.sh"));
        try (ScratchFiles files = new ScratchFiles(dir, 3)) {
            assertThat(files.createNumbered("step-", ".sh").getFileName()).hasToString("step-1.sh");
            assertThat(files.createNumbered("step-", ".sh").getFileName()).hasToString("step-3.sh");
            assertThat(files.createNumbered("step-", ".log").getFileName()).hasToString("step-4.log");
        }
        assertThat(names()).containsExactly("step-1.sh", "step-2.sh", "step-3.sh", "step-4.log");
    }

    @Test
    void aFolderThatIsGoneIsReportedOnRequest() {
        ScratchFiles files = new ScratchFiles(dir.resolve("gone"), 2);
        assertThatThrownBy(() -> files.create("x")).isInstanceOf(NoSuchFileException.class);
        files.close();
    }

    @Test
    void filesStillComeWhenSomethingEmptiedTheFolder() throws Exception {
        // A step may clean RUNNER_TEMP with "find $RUNNER_TEMP -mindepth 1 -delete", spares included;
        // the next steps' files must still be made, as on GitHub.
        try (ScratchFiles files = new ScratchFiles(dir, 6)) {
            files.create("first");
            Thread.sleep(50);
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    Files.delete(p);
                }
            }
            assertThat(files.create("second")).exists().isEmptyFile();
            assertThat(files.create("third")).exists().isEmptyFile();
        }
        assertThat(names()).containsExactly("second", "third");
    }
}

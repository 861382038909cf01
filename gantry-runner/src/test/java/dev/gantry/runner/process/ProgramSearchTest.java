package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramSearchTest {

    @TempDir
    Path dir;

    private Path file(String name, boolean executable) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name).getParent()).resolve(Path.of(name).getFileName());
        Files.writeString(p, "#!/bin/sh\n");
        assertThat(p.toFile().setExecutable(executable)).isTrue();
        return p;
    }

    @Test
    void takesTheFirstExecutableFileOnThePathSkippingOthers() throws Exception {
        file("a/tool", false);
        Files.createDirectories(dir.resolve("b/tool"));
        Path c = file("c/tool", true);
        file("d/tool", true);
        String path = dir.resolve("a") + ":" + dir.resolve("b") + ":" + dir.resolve("c") + ":" + dir.resolve("d");
        assertThat(ProgramSearch.find("tool", path, dir)).contains(c);
    }

    @Test
    void anEmptyEntryOrARelativeOneIsTheWorkingDirectory() throws Exception {
        Path here = file("tool", true);
        Path bin = file("bin/other", true);
        assertThat(ProgramSearch.find("tool", "/nonexistent::/usr/bin", dir)).contains(dir.resolve("tool"));
        assertThat(ProgramSearch.find("other", "bin", dir)).contains(bin);
        assertThat(here).exists();
    }

    @Test
    void aNameWithASlashIsAPathFromTheWorkingDirectory() {
        assertThat(ProgramSearch.find("./x/y", "/usr/bin", dir)).contains(dir.resolve("./x/y"));
        assertThat(ProgramSearch.find("/bin/sh", null, dir)).contains(Path.of("/bin/sh"));
    }

    @Test
    void withoutPathTheDefaultDirectoriesAreSearched() {
        assertThat(ProgramSearch.find("sh", null, dir)).hasValueSatisfying(p -> assertThat(p.toString()).endsWith("/sh"));
        assertThat(ProgramSearch.find("no-such-program-xyz", null, dir)).isEmpty();
        assertThat(ProgramSearch.find("", "/usr/bin", dir)).isEmpty();
    }
}

package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {

    private static final Path SCRIPT = Path.of("/tmp/x/step");

    @TempDir
    Path bin;

    private String path;

    @BeforeEach
    void programs() throws IOException {
        for (String program : new String[] {"bash", "sh", "perl", "python"}) {
            Files.createFile(bin.resolve(program), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        path = "/nonexistent:" + bin;
    }

    private String at(String program) {
        return bin.resolve(program).toString();
    }

    @Test
    void defaultIsBashWithoutPipefailStartedByItsFullPath() throws Exception {
        assertThat(ShellCommand.resolve(null, SCRIPT, path).argv()).containsExactly(at("bash"), "-e", "/tmp/x/step");
    }

    @Test
    void defaultFallsBackToShWithoutBash() throws Exception {
        assertThat(ShellCommand.resolve(null, SCRIPT, "/nonexistent").argv()).containsExactly("sh", "-e", "/tmp/x/step");
    }

    @Test
    void namedShells() throws Exception {
        assertThat(ShellCommand.resolve("bash", SCRIPT, path).argv())
                .containsExactly(at("bash"), "--noprofile", "--norc", "-eo", "pipefail", "/tmp/x/step");
        assertThat(ShellCommand.resolve("sh", SCRIPT, path).argv()).containsExactly(at("sh"), "-e", "/tmp/x/step");
        assertThat(ShellCommand.resolve("python", SCRIPT, path).extension()).isEqualTo(".py");
        assertThat(ShellCommand.resolve("pwsh", SCRIPT, path).argv()).as("not installed: left to the start to report")
                .containsExactly("pwsh", "-command", ". '/tmp/x/step'");
    }

    @Test
    void customTemplates() throws Exception {
        assertThat(ShellCommand.resolve("perl -w {0}", SCRIPT, path).argv()).containsExactly(at("perl"), "-w", "/tmp/x/step");
        assertThat(ShellCommand.resolve("/opt/tool {0}", SCRIPT, path).argv()).containsExactly("/opt/tool", "/tmp/x/step");
        assertThatThrownBy(() -> ShellCommand.resolve("perl", SCRIPT, path)).hasMessageContaining("{0}");
        assertThatThrownBy(() -> ShellCommand.resolve("cmd", SCRIPT, path)).hasMessageContaining("Windows");
    }

    @Test
    void aJobContainerKeepsTheProgramsName() throws Exception {
        assertThat(ShellCommand.resolve(null, SCRIPT, null, true).argv()).containsExactly("bash", "-e", "/tmp/x/step");
    }
}

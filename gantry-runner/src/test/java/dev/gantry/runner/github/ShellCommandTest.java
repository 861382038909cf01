package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

    private static final Path SCRIPT = Path.of("/tmp/x/step");
    private static final String PATH = "/usr/bin:/bin";

    @Test
    void defaultIsBashWithoutPipefail() throws Exception {
        assertThat(ShellCommand.resolve(null, SCRIPT, PATH).argv()).containsExactly("bash", "-e", "/tmp/x/step");
    }

    @Test
    void defaultFallsBackToShWithoutBash() throws Exception {
        assertThat(ShellCommand.resolve(null, SCRIPT, "/nonexistent").argv()).containsExactly("sh", "-e", "/tmp/x/step");
    }

    @Test
    void namedShells() throws Exception {
        assertThat(ShellCommand.resolve("bash", SCRIPT, PATH).argv())
                .containsExactly("bash", "--noprofile", "--norc", "-eo", "pipefail", "/tmp/x/step");
        assertThat(ShellCommand.resolve("sh", SCRIPT, PATH).argv()).containsExactly("sh", "-e", "/tmp/x/step");
        assertThat(ShellCommand.resolve("python", SCRIPT, PATH).extension()).isEqualTo(".py");
        assertThat(ShellCommand.resolve("pwsh", SCRIPT, PATH).argv()).containsExactly("pwsh", "-command", ". '/tmp/x/step'");
    }

    @Test
    void customTemplates() throws Exception {
        assertThat(ShellCommand.resolve("perl -w {0}", SCRIPT, PATH).argv()).containsExactly("perl", "-w", "/tmp/x/step");
        assertThatThrownBy(() -> ShellCommand.resolve("perl", SCRIPT, PATH)).hasMessageContaining("{0}");
        assertThatThrownBy(() -> ShellCommand.resolve("cmd", SCRIPT, PATH)).hasMessageContaining("Windows");
    }
}

package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real bash writes GITHUB_OUTPUT the way the docs show; the value must come back unchanged. */
class FileCommandsIT {

    @Test
    void aValueWrittenByBashWithAHeredocDelimiterComesBackByteForByte(@TempDir Path dir) throws Exception {
        String value = "line one\n\n  spaced   \n\t tab then spaces  \n\nunicode é 🎉 and = and << and EOF\n";
        Path output = dir.resolve("output");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", """
                {
                  echo "body<<EOF_MARK"
                  printf '%s\\n' "$VALUE"
                  echo EOF_MARK
                  echo "plain=after"
                } >> "$GITHUB_OUTPUT"
                """);
        bash.environment().put("VALUE", value);
        bash.environment().put("GITHUB_OUTPUT", output.toString());
        assertThat(bash.inheritIO().start().waitFor()).isZero();

        FileCommands.Assignments result = FileCommands.readAssignments(output, "GITHUB_OUTPUT");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.values()).containsExactly(Map.entry("body", value), Map.entry("plain", "after"));
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gantry lint}'s exit status: 0 clean, 1 errors in a file, 2 a mistake on the command line. */
class LintCommandTest {

    @TempDir
    Path dir;

    @Test
    void aNamedFileThatIsNotThereIsBadUsage() throws Exception {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), "job:\n  script: echo hi\n");

        GantryProcess.Outcome o = GantryProcess.execute("lint", "-C", dir.toString(), ".gitlab-ci.yml", "nosuch.yml");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("gantry lint: no such file: " + dir.resolve("nosuch.yml"));
    }

    @Test
    void theMissingFileIsNamedAsTheUserTypedIt() {
        GantryProcess.Outcome o = GantryProcess.execute("lint", "nosuch.yml");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("gantry lint: no such file: nosuch.yml" + System.lineSeparator());
    }

    @Test
    void errorsInAFileExitWithOne() throws Exception {
        Files.writeString(dir.resolve(".gitlab-ci.yml"), "job:\n  scirpt: echo hi\n");

        GantryProcess.Outcome o = GantryProcess.execute("lint", "-C", dir.toString());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains(".gitlab-ci.yml:2:3: error: unknown keyword 'scirpt'");
    }

    @Test
    void anErrorThatGithubRunsAnywaySaysSoAndStillCounts() throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), """
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ steps.nope.outputs.x }}"
                """);

        GantryProcess.Outcome o = GantryProcess.execute("lint", "-C", dir.toString());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("error:", "GitHub runs the workflow anyway");
    }

    @Test
    void theMetadataOfLocalActionsIsCheckedToo() throws Exception {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.createDirectories(dir.resolve("act"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), """
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./act
                """);
        Files.writeString(dir.resolve("act/action.yml"), """
                name: act
                description: a composite action
                runs:
                  using: composite
                  steps:
                    - run: echo hi
                """);

        GantryProcess.Outcome o = GantryProcess.execute("lint", "-C", dir.toString());

        assertThat(o.exit()).as(o.out()).isEqualTo(1);
        assertThat(o.out()).contains("act/action.yml:6:7: error:", "shell");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What running the workflows of real public projects (docs/COMPATIBILITY.md, "Real repositories")
 * showed a local run must do: matrices over operating systems and JDKs of which this machine has
 * one OS and some JDKs, and repositories with several workflows.
 */
class RealWorkflowsIT {

    @TempDir
    Path dir;

    /** jsoup's build: an OS by JDK matrix with the leg's name built from the matrix. */
    private static final String OS_BY_JDK = """
            on: push
            jobs:
              test:
                runs-on: ${{ matrix.os }}
                strategy:
                  fail-fast: false
                  matrix:
                    os: [ubuntu-latest, windows-latest, macOS-latest]
                    java: [17, 25]
                name: Test JDK ${{ matrix.java }}, ${{ matrix.os }}
                steps:
                  - run: echo "leg ${{ matrix.java }} on $RUNNER_OS"
            """;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void legsForAnotherOperatingSystemAreSkippedWithTheReasonAndTheirNames() throws Exception {
        GantryProcess.Outcome o = repo().workflow(OS_BY_JDK).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.job("test (ubuntu-latest, 17)").get("status").asText()).isEqualTo("success");
        assertThat(o.job("test (windows-latest, 25)").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("test (windows-latest, 25)").get("reason").asText())
                .isEqualTo("runs-on 'windows-latest' asks for a Windows runner and this machine runs Linux"
                        + " (gantry runs jobs on this machine only)");
        assertThat(o.job("test (macOS-latest, 17)").get("name").asText()).isEqualTo("Test JDK 17, macOS-latest");
        assertThat(o.out()).contains("leg 17 on Linux", "leg 25 on Linux")
                .contains("[Test JDK 25, windows-latest] job skipped: runs-on 'windows-latest'")
                .doesNotContain("[Test JDK ${{", "  Test JDK ${{");
    }

    @Test
    void selfHostedLabelsAreCaseInsensitiveAndCustomLabelsRunHere() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  mine:
                    runs-on: [self-hosted, Linux, gpu]
                    steps: [{run: echo mine ran}]
                  theirs:
                    runs-on: [self-hosted, MACOS]
                    steps: [{run: echo theirs ran}]
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.job("mine").get("status").asText()).isEqualTo("success");
        assertThat(o.job("theirs").get("reason").asText()).startsWith("runs-on 'MACOS' asks for a macOS runner");
    }
}

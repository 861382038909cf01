package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line itself, built in code by {@link CommandSpecs}: help, version, usage mistakes
 * and the values of options reach the commands as they did when picocli read annotations.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    /** A whole process, as a user starts it: nothing on stderr from the libraries gantry uses. */
    @Test
    void aSuccessfulRunPrintsNothingOnStderr() throws Exception {
        Path repo = dir.resolve("repo");
        new GantryProcess(repo).file(".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo hello
                """).commit();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process gantry = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "-C", repo.toString()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        String err = new String(gantry.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(gantry.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gantry.exitValue()).isZero();
        assertThat(err).isEmpty();
        assertThat(dir.resolve("out.txt")).content().contains("hello");
    }

    @Test
    void helpListsEveryCommandButTheHiddenOne() {
        GantryProcess.Outcome o = GantryProcess.execute("--help");

        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("Usage: gantry [-hV] [COMMAND]", "run ", "lint ", "list ", "eval ", "help ")
                .doesNotContain("__train");
    }

    @Test
    void noCommandIsAUsageError() {
        GantryProcess.Outcome o = GantryProcess.execute();

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("Missing required subcommand");
    }

    @Test
    void runHelpKeepsTheOptionsInTheirOrderWithDefaults() {
        GantryProcess.Outcome o = GantryProcess.execute("run", "--help");

        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("-e, --event=NAME           Event name (default: push).");
        assertThat(o.out().indexOf("--workdir")).isLessThan(o.out().indexOf("--event="));
        assertThat(o.out().indexOf("--no-builtin-actions  ")).isLessThan(o.out().indexOf("-h, --help"));
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String command : new String[] {"run", "lint", "list", "eval"}) {
            GantryProcess.Outcome o = GantryProcess.execute(command, "-V");

            assertThat(o.exit()).as(command).isZero();
            assertThat(o.out()).as(command).startsWith("gantry ");
        }
    }

    @Test
    void evalHelpShowsTheExpressionSyntaxLiterally() {
        GantryProcess.Outcome o = GantryProcess.execute("eval", "--help");

        assertThat(o.out()).contains("with or without ${{ }}.");
    }

    @Test
    void aMissingExpressionIsAUsageError() {
        GantryProcess.Outcome o = GantryProcess.execute("eval");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("Missing required parameter: 'EXPR'");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        GantryProcess.Outcome notANumber = GantryProcess.execute("run", "--max-parallel", "x");
        GantryProcess.Outcome unknownFormat = GantryProcess.execute("lint", "--format", "xml");
        GantryProcess.Outcome unknownOption = GantryProcess.execute("run", "--bogus");

        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("Invalid value for option '--max-parallel': 'x' is not an int");
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("--format");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void optionValuesReachTheCommand() {
        GantryProcess.Outcome o = GantryProcess.execute("eval", "--lang", "gitlab", "'a' == 'a'");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out().trim()).isEqualTo("true");
    }
}

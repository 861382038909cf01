package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step must not tell how it was started: a run of 25+ steps starts them through posix_spawn, a
 * shorter one through the JDK's ProcessBuilder (dev.gantry.runner.process.SessionSpawners). Each
 * case runs the same steps in a short workflow and in a long one, each in a JVM of its own (the
 * faster spawner, once ready, serves every later run of a JVM), and compares what the user sees.
 */
class SpawnerParityIT {

    /** Steps put before the steps under test in the long variant: enough for posix_spawn, and a pause for its set-up. */
    private static final String PADDING = "      - run: sleep 0.5\n" + "      - run: 'true'\n".repeat(28);

    @TempDir
    Path dir;

    private record Ran(int exit, String out) {
    }

    private Path repo(String name, String steps, boolean longRun) throws Exception {
        Path repo = dir.resolve(name + (longRun ? "-long" : "-short"));
        new GantryProcess(repo).workflow("on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n"
                + (longRun ? PADDING : "") + steps).commit();
        return repo;
    }

    /** Runs gantry in a JVM of its own; {@code viaShell}: started in the background of {@code sh -c}, as a CI script may. */
    private static Ran gantry(Path repo, boolean viaShell) throws Exception {
        List<String> command = new ArrayList<>(viaShell ? List.of("sh", "-c", "\"$@\" & wait $!", "sh") : List.of());
        // As the gantry jar's manifest allows it (Enable-Native-Access), so that no warning differs.
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "-C", repo.toString()));
        Path out = Files.createTempFile(repo.getParent(), "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), Files.readString(out));
    }

    /** The output lines of the steps under test: without the padding, timings, run folders and file numbers. */
    private static List<String> seen(String out) {
        return out.lines().filter(l -> !l.contains("Run true") && !l.contains("sleep 0.5"))
                .map(l -> l.replaceAll("\\(\\d+(\\.\\d+)?m?s", "(T").replaceAll("gantry-run-\\d+", "gantry-run-X")
                        .replaceAll("step-\\d+", "step-N").replaceAll("\\b\\d+(\\.\\d+)?m?s\\b", "T"))
                .toList();
    }

    private void assertSameInShortAndLongRun(String name, String steps, boolean viaShell) throws Exception {
        Ran shortRun = gantry(repo(name, steps, false), viaShell);
        Ran longRun = gantry(repo(name, steps, true), viaShell);
        assertThat(seen(longRun.out())).as("the long run against the short one").isEqualTo(seen(shortRun.out()));
        assertThat(longRun.exit()).isEqualTo(shortRun.exit());
    }

    @Test
    void aShellMissingFromTheStepsPathFailsAlikeInShortAndLongRuns() throws Exception {
        assertSameInShortAndLongRun("no-shell", """
                      - run: echo never
                        env:
                          PATH: /nonexistent
                      - if: always()
                        shell: ./not-here {0}
                        run: echo never
                """, false);
    }

    @Test
    void emptyingRunnerTempDoesNotFailTheNextSteps() throws Exception {
        String steps = """
                      - run: find "$RUNNER_TEMP" -mindepth 1 -delete
                      - run: echo second
                      - run: echo third
                """;
        assertSameInShortAndLongRun("empty-temp", steps, false);
        Ran ran = gantry(repo("empty-temp", steps, true), false);
        assertThat(ran.exit()).as(ran.out()).isZero();
        assertThat(ran.out()).contains("second", "third").doesNotContain("could not be written");
    }

    /**
     * A JVM started in the background of a non-interactive shell inherits SIGINT and SIGQUIT ignored
     * (POSIX, Shell Command Language 2.11). posix_spawn resets them for the step; the JDK's way must
     * too, or a step of a short run ignores the SIGINT of a cancel or timeout and cannot trap it.
     */
    @Test
    void aStepDoesNotInheritSignalsIgnoredByGantry() throws Exception {
        String steps = """
                      - run: grep SigIgn /proc/self/status
                """;
        assertSameInShortAndLongRun("sigign", steps, true);
        Ran ran = gantry(repo("sigign", steps, false), true);
        var mask = Pattern.compile("SigIgn:\\s+([0-9a-f]+)").matcher(ran.out());
        assertThat(mask.find()).as(ran.out()).isTrue();
        assertThat(Long.parseUnsignedLong(mask.group(1), 16) & 0b110).as("SIGINT and SIGQUIT ignored").isZero();
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.process.SessionSpawners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must hold however a run goes: no secret reaches the output or the JSON file, no process of a
 * job outlives it (after a step timeout, a job timeout or Ctrl-C), and a workflow file edited while
 * the run goes on does not change the run (issue 4, robustness).
 */
class GithubRunRobustnessIT {

    @TempDir
    Path dir;

    /**
     * Steps here start through {@code posix_spawn} on JDK 22+, as a long run's do (a short run's
     * start through the JDK, which the step contract tests cover as well: JdkSpawnerStepProcessIT).
     */
    @BeforeAll
    static void useTheFasterSpawner() {
        assertThat(SessionSpawners.prepareInBackground().join()).as("the posix_spawn spawner is in use")
                .isEqualTo(Runtime.version().feature() >= 22);
    }

    // ---- secrets ----

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + ".*+?^$()[]{}|\\/-_=:;,'\"!@#%&~`<> " + "éüßñ日本語中文한국어Ωπ" + "\uD83D\uDE00\uD83D\uDE80";

    /** A thousand secrets of every awkward kind: metacharacters, unicode, multi-line, very long. */
    static List<String> randomSecrets(long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < 1000; i++) {
            int length = i % 100 == 0 ? 2000 + random.nextInt(8000) : 3 + random.nextInt(40);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                s.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            if (i % 20 == 0) {
                int middle = s.offsetByCodePoints(0, s.codePointCount(0, s.length()) / 2);
                s.insert(middle, "\nsecond-" + i + "-line\nthird-" + i + "-line");
            }
            String value = s.toString().strip();
            // A value must be recognisable as a value: at least 3 visible characters per line.
            if (value.lines().allMatch(l -> l.strip().length() >= 3)) {
                out.add(value);
            }
        }
        return out;
    }

    private static String dotenvQuote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void aThousandRandomSecretsNeverReachTheOutputOrTheJsonFile() throws Exception {
        List<String> secrets = randomSecrets(42);
        StringBuilder env = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < secrets.size(); i++) {
            env.append("S").append(i).append('=').append(dotenvQuote(secrets.get(i))).append('\n');
            plain.append(secrets.get(i)).append('\n');
        }
        Path secretFile = dir.resolve("secrets.env");
        Files.writeString(secretFile, env, StandardCharsets.UTF_8);
        GantryProcess repo = new GantryProcess(dir.resolve("repo")).file("values.txt", plain.toString()).workflow("""
                on: push
                jobs:
                  leak:
                    runs-on: ubuntu-latest
                    outputs:
                      first: ${{ secrets.S1 }}
                    steps:
                      - id: s
                        run: |
                          cat values.txt
                          cat values.txt >&2
                          sed 's/^/prefix-/; s/$/-suffix/' values.txt
                          dd if=values.txt bs=7 2>/dev/null
                          echo "value=$(head -c 300 values.txt | head -n 1)" >> "$GITHUB_OUTPUT"
                          echo "::warning title=$(head -n 1 values.txt)::$(sed -n 2p values.txt)"
                """).commit();
        GantryProcess.Outcome o = repo.run("--secret-file", secretFile.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        String json = o.json().toString() + Files.readString(dir.resolve("repo-result.json"), StandardCharsets.UTF_8);
        String everything = o.out() + o.err() + json;
        List<String> leaked = new ArrayList<>();
        for (String secret : secrets) {
            for (String line : secret.split("\n")) {
                if (everything.contains(line.strip())) {
                    leaked.add(line.strip());
                }
            }
        }
        assertThat(leaked).as("secret lines found in the output").isEmpty();
        assertThat(o.out()).contains("prefix-***");
    }

    // ---- processes ----

    /**
     * The pids a step recorded that still run. A killed process may stay a zombie for a moment until
     * init reaps it; zombies run nothing and do not count, and the check waits up to five seconds.
     */
    private static List<Long> alive(Path pidFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Long> alive;
        do {
            alive = new ArrayList<>();
            for (String line : Files.readAllLines(pidFile)) {
                if (!line.isBlank() && running(Long.parseLong(line.strip()))) {
                    alive.add(Long.parseLong(line.strip()));
                }
            }
            if (!alive.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        return alive;
    }

    /** Whether process {@code pid} ignores signal {@code number} (the SigIgn mask of /proc/PID/status). */
    static boolean ignores(long pid, int number) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    private static String sleeper(Path pids) {
        return "sleep 300 & echo $! >> " + pids + "\n"
                + "echo $$ >> " + pids + "\n"
                + "sleep 300\n";
    }

    @Test
    void aStepTimeoutLeavesNoProcessOfTheStep() throws Exception {
        Path pids = dir.resolve("pids");
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - timeout-minutes: 0.02
                        run: |
                """ + indent(sleeper(pids), 12) + """
                      - if: always()
                        run: echo after-timeout
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("exceeded its timeout", "after-timeout");
        assertThat(Files.readAllLines(pids)).hasSize(2);
        assertThat(alive(pids)).isEmpty();
    }

    @Test
    void aJobTimeoutLeavesNoProcessOfTheJob() throws Exception {
        Path pids = dir.resolve("pids");
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    timeout-minutes: 0.02
                    steps:
                      - run: |
                """ + indent(sleeper(pids), 12) + """
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.job("j").get("reason").asText()).contains("timeout");
        assertThat(alive(pids)).isEmpty();
    }

    @Test
    void aProcessThatLeftItsStepsGroupIsStoppedAtTheJobsEndUnlessItClearedTheTrackingId() throws Exception {
        Path orphan = dir.resolve("orphan.pid");
        Path kept = dir.resolve("kept.pid");
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          setsid sleep 301 </dev/null >/dev/null 2>&1 &
                          echo $! > %s
                          RUNNER_TRACKING_ID= setsid sleep 302 </dev/null >/dev/null 2>&1 &
                          echo $! > %s
                      - run: echo "tracking=${RUNNER_TRACKING_ID:+set}"
                """.formatted(orphan, kept)).commit().run();
        try {
            assertThat(o.exit()).as(o.out() + o.err()).isZero();
            assertThat(o.out()).contains("tracking=set");
            assertThat(alive(orphan)).as("a setsid daemon of the job, as the runner's orphan clean-up finds it").isEmpty();
            assertThat(running(Long.parseLong(Files.readString(kept).strip())))
                    .as("a process started with RUNNER_TRACKING_ID cleared outlives the job").isTrue();
        } finally {
            new ProcessBuilder("kill", "-KILL", Files.readString(kept).strip()).start().waitFor();
        }
    }

    @Test
    void ctrlCStopsTheRunRunsAlwaysStepsAndLeavesNoProcess() throws Exception {
        Path pids = dir.resolve("pids");
        Path marker = dir.resolve("always-ran");
        GantryProcess repo = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                """ + indent(sleeper(pids), 12) + """
                      - if: cancelled()
                        run: echo "cancelled=true" > %s
                """.formatted(marker)).commit();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path json = dir.resolve("result.json");
        Process gantry = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "-C", dir.resolve("repo").toString(), "--json", json.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        awaitLines(pids, 2, gantry);
        assertThat(gantry.isAlive()).as("gantry runs the step: " + Files.readString(dir.resolve("out.txt"))).isTrue();
        // Ctrl-C is SIGINT; a process started in the background of a non-interactive shell (as CI may
        // start this test) inherits SIGINT ignored, and then only SIGTERM reaches the same hook.
        String signal = ignores(gantry.pid(), 2) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(gantry.pid())).start().waitFor();
        assertThat(gantry.waitFor(60, TimeUnit.SECONDS)).as("gantry stops after Ctrl-C").isTrue();
        assertThat(gantry.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isNotZero();
        assertThat(alive(pids)).as("processes of the cancelled step").isEmpty();
        assertThat(Files.readString(marker).strip()).isEqualTo("cancelled=true");
        assertThat(Files.readString(json)).as("the --json file is written after Ctrl-C too").contains("\"cancelled\"");
        // The run folder is deleted in the background once gantry has ended.
        for (int i = 0; i < 100 && !Files.list(tmp).toList().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.list(tmp).toList()).as("what the cancelled run left in the temporary folder").isEmpty();
        assertThat(repo).isNotNull();
    }

    @Test
    void aCancelledRunWhoseAlwaysStepOutlastsTheCancelTimeoutIsKilledWithoutLeftovers() throws Exception {
        Path pids = dir.resolve("pids");
        Path always = dir.resolve("always-pids");
        new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                """ + indent(sleeper(pids), 12) + """
                      - if: always()
                        run: |
                """ + indent(sleeper(always), 12) + """
                """).commit();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "-C", dir.resolve("repo").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("GANTRY_CANCEL_TIMEOUT", "3");
        Process gantry = builder.start();
        awaitLines(pids, 2, gantry);
        new ProcessBuilder("kill", ignores(gantry.pid(), 2) ? "-TERM" : "-INT", Long.toString(gantry.pid()))
                .start().waitFor();
        awaitLines(always, 2, gantry);
        assertThat(gantry.waitFor(30, TimeUnit.SECONDS)).as("gantry ends after the cancel timeout").isTrue();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("did not stop within 3 s");
        assertThat(alive(pids)).as("processes of the cancelled step").isEmpty();
        assertThat(alive(always)).as("processes of the always() step still running at the cancel timeout").isEmpty();
    }

    /** Waits (up to a minute) until {@code file} has {@code count} lines, while gantry runs. */
    private void awaitLines(Path file, int count, Process gantry) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((!Files.exists(file) || Files.readAllLines(file).size() < count) && System.nanoTime() < deadline
                && gantry.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(Files.exists(file) && Files.readAllLines(file).size() >= count)
                .as("the step started: " + Files.readString(dir.resolve("out.txt"))).isTrue();
    }

    @Test
    void editingTheWorkflowDuringARunDoesNotChangeTheRun() throws Exception {
        Path workflow = dir.resolve("repo/.github/workflows/ci.yml");
        GantryProcess repo = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  first:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          printf 'on: push\\njobs: [broken\\n' > %s
                          echo rewrote the workflow
                  second:
                    needs: first
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo second-ran
                """.formatted(workflow)).commit();
        GantryProcess.Outcome o = repo.run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("rewrote the workflow", "second-ran");
        assertThat(Files.readString(workflow)).contains("[broken");
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> pad + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }
}

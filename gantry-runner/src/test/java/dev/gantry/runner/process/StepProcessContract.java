package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import dev.gantry.runner.files.ScratchFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes through {@link ProcessLauncher}: bash, sleep, env. Run for each
 * {@link SessionSpawner} by its subclasses, since a step must not tell which one started it.
 */
abstract class StepProcessContract {

    static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");
    /** Short graces so that stop tests take a fraction of a second. */
    static final StopSettings FAST = new StopSettings(Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(10), 16 * 1024 * 1024);

    @TempDir
    Path dir;

    final ProcessGroupRegistry registry = new ProcessGroupRegistry(FAST);
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void killLeftovers() {
        registry.killAll();
    }

    /** The spawner under test. */
    abstract SessionSpawner spawner();

    private ProcessLauncher launcher() {
        return new ProcessLauncher(spawner(), registry, FAST, new ScratchFiles(dir, 0));
    }

    private StepProcess start(String script) {
        return launcher().start(ProcessSpec.of(List.of("bash", "-c", script), dir, ENV));
    }

    void collect(StreamKind stream, String line) {
        (stream == StreamKind.STDOUT ? lines : stderr).add(line);
    }

    private ProcessResult run(String script) {
        return start(script).await(this::collect);
    }

    /** Whether a process exists and is not a zombie (PID 1 may reap orphans a moment later). */
    private static boolean running(long pid) {
        return ProcessTable.ProcFs.read(Path.of("/proc", Long.toString(pid), "stat")) != null;
    }

    private static List<ProcessEntry> members(long pgid) {
        return new ProcessTable.ProcFs().members(pgid);
    }

    @Test
    void reportsTheExitCode() {
        assertThat(run("exit 3").exitCode()).isEqualTo(3);
        ProcessResult ok = run("true");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.timedOut()).isFalse();
        assertThat(ok.cancelled()).isFalse();
    }

    @Test
    void aProcessKilledBySignalReportsOneHundredTwentyEightPlusTheSignal() {
        assertThat(run("kill -TERM $$").exitCode()).isEqualTo(143);
    }

    @Test
    void passesExactlyTheGivenEnvironment() {
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "ONE", "1", "SPACED", "a b  c", "EMPTY", "",
                "UNICODE", "é日本 \uD83D\uDE00", "EQUALS", "a=b=c", "LANG", "C.UTF-8");
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("env"), dir, env)).await(this::collect);
        assertThat(result.exitCode()).isZero();
        assertThat(lines).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "ONE=1", "SPACED=a b  c", "EMPTY=",
                "UNICODE=é日本 \uD83D\uDE00", "EQUALS=a=b=c", "LANG=C.UTF-8");
    }

    @Test
    void startsInTheWorkingDirectory() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub dir"));
        launcher().start(ProcessSpec.of(List.of("pwd"), sub, ENV)).await(this::collect);
        assertThat(lines).containsExactly(sub.toString());
    }

    @Test
    void deliversStdoutAndStderrLinesInTheOrderTheyWereWritten() {
        run("seq 1 20000; echo err >&2; seq 20001 20500; echo err2 >&2");
        assertThat(lines).hasSize(20502);
        assertThat(lines.get(20000)).isEqualTo("err");
        assertThat(lines.get(20501)).isEqualTo("err2");
        lines.remove(20501);
        lines.remove(20000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(Integer.toString(i + 1));
        }
        assertThat(stderr).as("stderr shares stdout's file").isEmpty();
    }

    @Test
    void deliversAFinalLineWithoutNewline() {
        run("printf 'first\\r\\nsecond\\nno newline'");
        assertThat(lines).containsExactly("first", "second", "no newline");
    }

    @Test
    void deliversAOneMegabyteLineWhole() {
        run("head -c 1048576 /dev/zero | tr '\\0' x; echo; echo after");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(1 << 20).matches("x+");
        assertThat(lines.get(1)).isEqualTo("after");
    }

    @Test
    void binaryOutputDoesNotBreakLines() {
        run("printf 'a\\377\\000b\\n'; head -c 100000 /dev/urandom | tr -d '\\n' ; echo; echo end");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("a\uFFFD\u0000b");
        assertThat(lines.get(2)).isEqualTo("end");
    }

    @Test
    void theMainProcessLeadsANewSessionAndProcessGroup() {
        StepProcess step = start("cut -d' ' -f5,6 /proc/$$/stat");
        long pid = step.group().orElseThrow().id();
        step.await(this::collect);
        assertThat(lines).containsExactly(pid + " " + pid);
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aMissingWorkingDirectoryIsAStartFailureNotAnException() {
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("true"), dir.resolve("missing"), ENV)).await(this::collect);
        assertThat(result.startFailure()).hasValueSatisfying(m -> assertThat(m).contains("missing"));
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void aMissingProgramFailsWithAMessageNamingIt() {
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("no-such-program-xyz"), dir, ENV)).await(this::collect);
        assertThat(result.succeeded()).isFalse();
        assertThat(String.join("\n", lines) + result.startFailure().orElse("")).contains("no-such-program-xyz");
    }

    @Test
    void aProgramNotOnThePathIsTheSameStartFailureWhicheverSpawnerRuns() {
        // A step's PATH without its shell (env: PATH: /nonexistent) must not show "setsid: failed
        // to execute" and exit 127 in a short run but a start failure in a long one.
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("sh", "-c", "true"), dir,
                Map.of("PATH", "/nonexistent"))).await(this::collect);
        assertThat(lines).isEmpty();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.startFailure()).hasValue(
                "cannot run program 'sh' in '" + dir + "': No such file or directory");
    }

    @Test
    void aProgramNameNotOnThePathIsNotTakenFromTheWorkingDirectory() throws Exception {
        // execvp only looks in the working directory for an empty PATH entry.
        Path local = Files.writeString(dir.resolve("gantry-local-tool"), "#!/bin/sh\necho local\n");
        assertThat(local.toFile().setExecutable(true)).isTrue();
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("gantry-local-tool"), dir,
                Map.of("PATH", "/nonexistent"))).await(this::collect);
        assertThat(lines).isEmpty();
        assertThat(result.startFailure()).hasValue(
                "cannot run program 'gantry-local-tool' in '" + dir + "': No such file or directory");
    }

    @Test
    void aMissingOrNotExecutableProgramPathIsTheSameStartFailureWhicheverSpawnerRuns() throws Exception {
        Files.writeString(dir.resolve("plain"), "echo plain\n");
        ProcessResult missing = launcher().start(ProcessSpec.of(List.of("./nothere", "x"), dir, ENV)).await(this::collect);
        ProcessResult notExecutable = launcher().start(ProcessSpec.of(List.of("./plain"), dir, ENV)).await(this::collect);
        assertThat(lines).isEmpty();
        assertThat(missing.startFailure()).hasValue(
                "cannot run program './nothere' in '" + dir + "': No such file or directory");
        assertThat(notExecutable.startFailure()).hasValue(
                "cannot run program './plain' in '" + dir + "': Permission denied");
    }

    @Test
    void anEnvironmentTooLargeToExecIsTheSameStartFailureWhicheverSpawnerRuns() {
        // Linux refuses one string over 128 KiB (MAX_ARG_STRLEN): a step's env holding a whole
        // event payload, say. The message names the step's program, not the JDK's setsid.
        Map<String, String> env = new HashMap<>(ENV);
        env.put("BIG", "x".repeat(200 * 1024));
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("sh", "-c", "true"), dir, env)).await(this::collect);
        assertThat(lines).isEmpty();
        assertThat(result.startFailure()).hasValue(
                "cannot run program 'sh' in '" + dir + "': Argument list too long");
    }

    @Test
    void theProgramIsFoundOnThePathOfTheGivenEnvironment() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("tools/bin"));
        Path tool = Files.writeString(bin.resolve("gantry-test-tool"), "#!/bin/sh\necho tool \"$@\"\n");
        assertThat(tool.toFile().setExecutable(true)).isTrue();
        Map<String, String> env = Map.of("PATH", "/nonexistent:" + bin + ":/usr/bin:/bin");
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("gantry-test-tool", "a b"), dir, env)).await(this::collect);
        assertThat(result.exitCode()).isZero();
        assertThat(lines).containsExactly("tool a b");
    }

    @Test
    void anExecutableWithoutInterpreterLineRunsWithSh() throws Exception {
        Path script = Files.writeString(dir.resolve("plain"), "echo \"plain $1\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        ProcessResult result = launcher().start(ProcessSpec.of(List.of("./plain", "x"), dir, ENV)).await(this::collect);
        assertThat(result.exitCode()).isZero();
        assertThat(lines).containsExactly("plain x");
    }

    @Test
    void theStepInheritsNoOpenFileOfGantryAndNoBlockedSignal() throws Exception {
        try (var held = java.nio.channels.FileChannel.open(Files.createFile(dir.resolve("held")),
                java.nio.file.StandardOpenOption.WRITE)) {
            run("ls /proc/$$/fd > fds; echo $(cat fds); grep SigBlk /proc/$$/status");
        }
        assertThat(lines).containsExactly("0 1 2", "SigBlk:\t0000000000000000");
    }

    @Test
    void aBackgroundProcessHoldingStdoutDoesNotDelayTheStepAndTheRegistryKillsItAtJobEnd() throws Exception {
        long started = System.nanoTime();
        StepProcess step = start("sleep 300 & echo $!; echo done");
        long pgid = step.group().orElseThrow().id();
        ProcessResult result = step.await(this::collect);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(result.exitCode()).isZero();
        assertThat(millis).as("the step returns without waiting for sleep").isLessThan(2000);
        assertThat(lines).hasSize(2).endsWith("done");
        long sleepPid = Long.parseLong(lines.get(0));
        assertThat(members(pgid)).as("the background sleep survives the step, as on GitHub")
                .extracting(ProcessEntry::pid).containsExactly(sleepPid);

        assertThat(registry.killAll()).containsExactly(new ProcessGroup(pgid));
        assertThat(members(pgid)).isEmpty();
        assertThat(running(sleepPid)).isFalse();
    }

    @Test
    void aBackgroundProcessCanKeepWritingAfterItsStepEnded() throws Exception {
        Path marker = dir.resolve("writes");
        // The late writes wait until the step's shell is gone (and a little longer, past the
        // output's last read), however slowly a loaded machine runs the step.
        run("(while kill -0 $$ 2>/dev/null; do sleep 0.05; done; sleep 0.3; for i in 1 2 3 4 5; do echo late $i"
                + " || exit 9; done; echo ok > " + marker + ") & echo step over");
        assertThat(lines).containsExactly("step over");
        for (int i = 0; i < 500 && !Files.exists(marker); i++) {
            Thread.sleep(20);
        }
        assertThat(marker).as("every late write succeeded (no EPIPE, no SIGPIPE)").hasContent("ok");
    }

    @Test
    void aTimeoutStopsTheWholeTreeIncludingBackgroundProcesses() {
        StepProcess step = launcher().start(ProcessSpec.of(List.of("bash", "-c", "sleep 300 & echo $!; sleep 300"), dir, ENV,
                Duration.ofMillis(200)));
        long pgid = step.group().orElseThrow().id();
        long started = System.nanoTime();
        ProcessResult result = step.await(this::collect);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
        assertThat(members(pgid)).as("no process of the group is left").isEmpty();
        long sleepPid = Long.parseLong(lines.get(0));
        assertThat(running(sleepPid)).isFalse();
    }

    @Test
    void cancelSendsSigintFirst() {
        StepProcess step = start("trap 'echo got INT; exit 7' INT; echo ready; while true; do sleep 0.05; done");
        ProcessResult result = step.await((stream, line) -> {
            collect(stream, line);
            if (line.equals("ready")) {
                step.cancel();
            }
        });
        assertThat(lines).containsExactly("ready", "got INT");
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void aStepIgnoringInterruptAndTerminateIsKilled() {
        StepProcess step = start("trap 'echo got INT' INT; trap 'echo got TERM' TERM; echo ready; "
                + "while true; do sleep 0.05; done");
        long pgid = step.group().orElseThrow().id();
        ProcessResult result = step.await((stream, line) -> {
            collect(stream, line);
            if (line.equals("ready")) {
                step.cancel();
            }
        });
        assertThat(lines).containsSubsequence("ready", "got INT", "got TERM");
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.cancelled()).isTrue();
        assertThat(members(pgid)).isEmpty();
    }

    @Test
    void cancelFromAnotherThreadAndInterruptBothStopTheStep() throws Exception {
        StepProcess step = start("echo ready; sleep 300");
        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<ProcessResult> result = CompletableFuture.supplyAsync(() -> step.await((s, l) -> ready.countDown()));
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        step.cancel();
        step.cancel();
        assertThat(result.get(5, TimeUnit.SECONDS).cancelled()).isTrue();

        StepProcess second = start("sleep 300");
        Thread awaiting = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            sleepQuietly(100);
            awaiting.interrupt();
        });
        ProcessResult interrupted = second.await(this::collect);
        assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        assertThat(interrupted.cancelled()).isTrue();
        assertThat(interrupted.exitCode()).isEqualTo(130);
    }

    @Test
    void anInterruptArrivingWhileOutputIsDeliveredIsACancelNotAnError() {
        StepProcess step = start("echo first; while true; do echo more; sleep 0.01; done");
        ProcessResult result = step.await((stream, line) -> {
            if (line.equals("first")) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        assertThat(result.cancelled()).isTrue();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands exec'd in a running busybox container: output, exit codes, timeouts and cancellation. */
class DockerExecIT {

    private static DockerContainerRuntime runtime;
    private static String runId;
    private static String container;

    @BeforeAll
    static void startContainer() throws ContainerException {
        // Short grace periods keep the escalation test fast; the order is what matters.
        runtime = TestEngine.runtime(new ExecStopSettings(Duration.ofMillis(700), Duration.ofMillis(700), 1 << 20));
        runId = TestEngine.newRunId();
        container = runtime.start(ContainerSpec.builder(TestEngine.BUSYBOX, ResourceNames.jobContainer(runId, "exec"), runId)
                .keepAlive().build()).id();
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            assertThat(runtime.cleanup(runId).problems()).isEmpty();
            runtime.close();
        }
    }

    private static ExecResult run(ExecSpec spec, Lines lines) {
        return runtime.exec(container, spec).await(lines);
    }

    @Test
    void runsWithEnvironmentWorkingDirectoryAndUser() {
        Lines lines = new Lines();
        ExecResult result = run(ExecSpec.of("sh", "-c", "echo \"$GREETING from $(pwd) as $(id -u)\"")
                .withEnv(Map.of("GREETING", "hello world")).withWorkingDir("/tmp").withUser("65534"), lines);

        assertThat(result.succeeded()).isTrue();
        assertThat(lines.all).containsExactly("OUT hello world from /tmp as 65534");
    }

    @Test
    void reportsTheExitCode() {
        assertThat(run(ExecSpec.of("sh", "-c", "exit 3"), new Lines()).exitCode()).isEqualTo(3);
        assertThat(run(ExecSpec.of("false"), new Lines()).exitCode()).isEqualTo(1);
        assertThat(run(ExecSpec.of("true"), new Lines()).succeeded()).isTrue();
    }

    @Test
    void aMissingProgramExitsWith127AndSaysSo() {
        Lines lines = new Lines();
        ExecResult result = run(ExecSpec.of("no-such-program", "x"), lines);

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.startFailure()).isEmpty();
        assertThat(String.join("\n", lines.all)).contains("no-such-program").contains("not found");
    }

    @Test
    void streamsLinesOfBothStreamsInOrderWithTheLastPartialLine() {
        Lines lines = new Lines();
        ExecResult result = run(ExecSpec.of("sh", "-c",
                "for i in 1 2 3; do echo out$i; sleep 0.1; echo err$i >&2; sleep 0.1; done; printf 'a\\r\\nb\\377c\\nno newline'"),
                lines);

        assertThat(result.exitCode()).isZero();
        assertThat(lines.all).containsExactly("OUT out1", "ERR err1", "OUT out2", "ERR err2", "OUT out3", "ERR err3",
                "OUT a", "OUT b\uFFFDc", "OUT no newline");
    }

    @Test
    void deliversLinesWhileTheCommandRuns() {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        ExecResult result = runtime.exec(container, ExecSpec.of("sh", "-c", "echo first; sleep 1; echo second"))
                .await((stream, line) -> seen.put(line, System.nanoTime()));

        assertThat(result.exitCode()).isZero();
        assertThat(Duration.ofNanos(seen.get("second") - seen.get("first"))).isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void aTimeoutInterruptsTheCommandFirst() {
        Lines lines = new Lines();
        ExecResult result = run(ExecSpec.of("sh", "-c",
                "trap 'echo got INT; exit 130' INT; echo ready; while true; do sleep 0.1; done")
                .withTimeout(Duration.ofSeconds(1)), lines);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(lines.stdout()).containsExactly("ready", "got INT");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cancelEscalatesFromInterruptToTerminateToKill() {
        Lines lines = new Lines();
        ContainerExec exec = runtime.exec(container, ExecSpec.of("sh", "-c",
                "trap 'echo got INT' INT; trap 'echo got TERM' TERM; echo ready; while true; do sleep 0.1; done"));
        ExecResult result = exec.await((stream, line) -> {
            lines.line(stream, line);
            if (line.equals("ready")) {
                exec.cancel();
            }
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(lines.stdout()).containsExactly("ready", "got INT", "got TERM");
    }

    @Test
    void aStoppedCommandTakesItsBackgroundChildrenAlong() {
        ContainerExec exec = runtime.exec(container, ExecSpec.of("sh", "-c",
                "sleep 1234 & echo ready; wait"));
        exec.await((stream, line) -> exec.cancel());

        Lines ps = new Lines();
        run(ExecSpec.of("ps"), ps);
        assertThat(ps.stdout()).noneMatch(line -> line.contains("sleep 1234"));
    }

    @Test
    void cancelBeforeAwaitDoesNotStartTheCommand() {
        ContainerExec exec = runtime.exec(container, ExecSpec.of("sh", "-c", "echo ran"));
        exec.cancel();
        Lines lines = new Lines();

        ExecResult result = exec.await(lines);

        assertThat(result.cancelled()).isTrue();
        assertThat(lines.all).isEmpty();
    }

    @Test
    void aMissingContainerIsAStartFailure() {
        ExecResult result = runtime.exec("gantry-no-such-container", ExecSpec.of("true")).await(new Lines());

        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.startFailure()).hasValueSatisfying(m -> assertThat(m).contains("gantry-no-such-container"));
    }

    @Test
    void aMissingWorkingDirectoryIsAStartFailure() {
        ExecResult result = run(ExecSpec.of("true").withWorkingDir("/no/such/dir"), new Lines());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.startFailure()).isPresent();
        assertThat(List.of(result.startFailure().get())).allMatch(m -> m.contains("could not start"));
    }
}

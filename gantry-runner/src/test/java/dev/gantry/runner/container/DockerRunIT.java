package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers run to completion on a real engine: output, exit status, timeouts, cancels and removal. */
class DockerRunIT {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static DockerContainerRuntime runtime;
    private static String runId;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        // Short grace periods keep the stop tests fast; the order is what matters.
        runtime = TestEngine.runtime(new ExecStopSettings(Duration.ofMillis(700), Duration.ofMillis(700), 1 << 20));
        runId = TestEngine.newRunId();
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            CleanupReport report = runtime.cleanup(runId);
            assertThat(report.problems()).isEmpty();
            assertThat(report.containers()).as("containers a run left behind").isEmpty();
            runtime.close();
        }
    }

    private static ContainerSpec.Builder busybox() {
        return ContainerSpec.builder(TestEngine.BUSYBOX,
                ResourceNames.join("gantry", runId, "run", Integer.toString(NAMES.incrementAndGet())), runId);
    }

    private static void assertRemoved(ContainerSpec spec) {
        assertThatThrownBy(() -> runtime.logs(spec.name(), 1)).hasMessageContaining("does not exist");
    }

    @Test
    void runsWithEntrypointArgumentsEnvironmentMountAndWorkingDirectoryThenRemovesTheContainer() throws Exception {
        Files.writeString(dir.resolve("input.txt"), "from the host\n");
        ContainerSpec spec = busybox()
                .entrypoint(List.of("sh", "-c"))
                .cmd(List.of("echo \"$GREETING in $(pwd): $(cat input.txt)\"; echo oops >&2; echo made > out.txt; exit 4"))
                .env(Map.of("GREETING", "hello world"))
                .mount(Mount.bind(dir.toString(), "/work"))
                .workingDir("/work")
                .build();
        Lines lines = new Lines();

        ExecResult result = runtime.run(spec, Optional.empty()).await(lines);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.startFailure()).isEmpty();
        assertThat(lines.all).containsExactlyInAnyOrder("OUT hello world in /work: from the host", "ERR oops");
        assertThat(dir.resolve("out.txt")).hasContent("made");
        assertRemoved(spec);
    }

    @Test
    void aContainerThatExitsAtOnceStillHasItsOutputDelivered() {
        ContainerSpec spec = busybox().entrypoint(List.of("echo")).cmd(List.of("quick")).build();
        Lines lines = new Lines();

        ExecResult result = runtime.run(spec, Optional.empty()).await(lines);

        assertThat(result.succeeded()).isTrue();
        assertThat(lines.all).containsExactly("OUT quick");
    }

    @Test
    void anEntrypointThatDoesNotExistIsAStartFailureAndLeavesNoContainer() {
        ContainerSpec spec = busybox().entrypoint(List.of("/no/such/program")).build();

        ExecResult result = runtime.run(spec, Optional.empty()).await(new Lines());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.startFailure()).hasValueSatisfying(m -> assertThat(m).contains("/no/such/program"));
        assertRemoved(spec);
    }

    @Test
    void aTimeoutStopsTheContainerEvenWhenItsMainProcessIgnoresSignals() {
        ContainerSpec spec = busybox().entrypoint(List.of("sleep")).cmd(List.of("60")).build();
        long t0 = System.nanoTime();

        ExecResult result = runtime.run(spec, Optional.of(Duration.ofMillis(500))).await(new Lines());

        assertThat(result.timedOut()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertRemoved(spec);
    }

    @Test
    void aCancelSendsSigintFirst() throws Exception {
        ContainerSpec spec = busybox().entrypoint(List.of("sh", "-c"))
                .cmd(List.of("trap 'echo got INT; exit 5' INT; echo ready; while :; do sleep 0.1; done")).build();
        ContainerExec running = runtime.run(spec, Optional.empty());
        Lines lines = new Lines();
        Thread canceller = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!lines.snapshot().contains("OUT ready") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            running.cancel();
        });

        ExecResult result = running.await(lines);
        canceller.join();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(lines.all).containsExactly("OUT ready", "OUT got INT");
        assertRemoved(spec);
    }

    @Test
    void aCancelBeforeAwaitCreatesNothing() {
        ContainerSpec spec = busybox().entrypoint(List.of("true")).build();
        ContainerExec running = runtime.run(spec, Optional.empty());
        running.cancel();

        ExecResult result = running.await(new Lines());

        assertThat(result.cancelled()).isTrue();
        assertRemoved(spec);
    }
}

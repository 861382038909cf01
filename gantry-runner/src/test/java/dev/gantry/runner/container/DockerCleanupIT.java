package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cleanup(runId)} removes every container, network and volume of a run, also while a
 * command still runs, and leaves other runs alone. What is left is asked of the engine directly.
 */
class DockerCleanupIT {

    private static DockerContainerRuntime runtime;
    private static DockerConnection engine;

    @BeforeAll
    static void connect() {
        runtime = TestEngine.runtime();
        engine = DockerConnection.open(System.getenv());
    }

    @AfterAll
    static void close() {
        if (runtime != null) {
            runtime.close();
            engine.close();
        }
    }

    @Test
    void removesEverythingOfTheRunAndNothingElse() throws Exception {
        String runId = TestEngine.newRunId();
        String otherRun = TestEngine.newRunId();
        try {
            removeEverythingOfOneRun(runId, otherRun);
        } finally {
            runtime.cleanup(runId);
            runtime.cleanup(otherRun);
        }
    }

    private static void removeEverythingOfOneRun(String runId, String otherRun) throws Exception {
        String network = ResourceNames.network(runId, "build");
        runtime.createNetwork(network, runId);
        runtime.start(ContainerSpec.builder(TestEngine.REDIS, ResourceNames.service(runId, "build", "redis"), runId)
                .network(network, List.of("redis")).mount(new Mount("gantry-it-volume-" + runId, "/data", false)).build());
        String job = runtime.start(ContainerSpec.builder(TestEngine.BUSYBOX, ResourceNames.jobContainer(runId, "build"), runId)
                .network(network, List.of()).keepAlive().build()).id();
        runtime.start(ContainerSpec.builder(TestEngine.BUSYBOX, ResourceNames.jobContainer(otherRun, "build"), otherRun)
                .keepAlive().build());
        ContainerExec sleeping = runtime.exec(job, ExecSpec.of("sleep", "300"));
        CompletableFuture<ExecResult> step = CompletableFuture.supplyAsync(() -> sleeping.await(new Lines()));
        assertThat(objectsOf(runId)).isEqualTo(new Counts(2, 1, 1));

        CleanupReport report = runtime.cleanup(runId);

        assertThat(report.problems()).isEmpty();
        assertThat(report.containers()).hasSize(2);
        assertThat(report.networks()).containsExactly(network);
        assertThat(report.volumes()).containsExactly("gantry-it-volume-" + runId);
        assertThat(objectsOf(runId)).isEqualTo(new Counts(0, 0, 0));
        assertThat(runtime.runsWithLeftovers()).doesNotContain(runId).contains(otherRun);
        // The step running in the removed container ends instead of hanging.
        assertThat(step.get(30, TimeUnit.SECONDS).succeeded()).isFalse();

        assertThat(runtime.cleanup(runId)).isEqualTo(new CleanupReport(List.of(), List.of(), List.of(), List.of()));
        assertThat(runtime.cleanup(otherRun).containers()).hasSize(1);
    }

    @Test
    void removingWhatIsGoneIsFine() throws ContainerException {
        runtime.remove("gantry-it-never-created");
        runtime.removeNetwork("gantry-it-never-created");
    }

    @Test
    void aContainerThatCannotStartIsNotLeftBehind() {
        String runId = TestEngine.newRunId();
        ContainerSpec spec = ContainerSpec.builder(TestEngine.BUSYBOX, ResourceNames.jobContainer(runId, "bad"), runId)
                .entrypoint(List.of("/no/such/program")).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.start(spec))
                .hasMessageContaining("cannot start container");
        assertThat(objectsOf(runId)).isEqualTo(new Counts(0, 0, 0));
    }

    private record Counts(int containers, int networks, int volumes) {
    }

    private static Counts objectsOf(String runId) {
        String label = ContainerRuntime.RUN_LABEL + "=" + runId;
        DockerClient docker = engine.control;
        int containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec().size();
        int networks = docker.listNetworksCmd().withFilter("label", List.of(label)).exec().size();
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        return new Counts(containers, networks, volumes == null ? 0 : volumes.size());
    }

}

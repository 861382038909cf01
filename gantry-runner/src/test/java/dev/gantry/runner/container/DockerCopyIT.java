package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files copied into and out of a running container. */
class DockerCopyIT {

    private static DockerContainerRuntime runtime;
    private static String runId;
    private static String container;

    @BeforeAll
    static void startContainer() throws ContainerException {
        runtime = TestEngine.runtime();
        runId = TestEngine.newRunId();
        container = runtime.start(ContainerSpec.builder(TestEngine.BUSYBOX, ResourceNames.jobContainer(runId, "copy"), runId)
                .keepAlive().build()).id();
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            assertThat(runtime.cleanup(runId).problems()).isEmpty();
            runtime.close();
        }
    }

    @Test
    void copiesADirectoryInWithItsExecutableBits(@TempDir Path host) throws Exception {
        Path action = Files.createDirectories(host.resolve("action/lib"));
        Files.writeString(action.resolve("data.txt"), "payload\n");
        Path script = Files.writeString(host.resolve("action/run.sh"), "#!/bin/sh\necho ran with $1\n");
        script.toFile().setExecutable(true);

        runtime.copyIn(container, host.resolve("action"), "/tmp");

        Lines lines = new Lines();
        ExecResult result = runtime.exec(container, ExecSpec.of("sh", "-c", "cat /tmp/action/lib/data.txt; /tmp/action/run.sh arg"))
                .await(lines);
        assertThat(result.exitCode()).isZero();
        assertThat(lines.stdout()).containsExactly("payload", "ran with arg");
    }

    @Test
    void copiesADirectoryOut(@TempDir Path host) throws Exception {
        runtime.exec(container, ExecSpec.of("sh", "-c",
                "mkdir -p /tmp/out/sub && echo report > /tmp/out/sub/report.txt && printf '#!/bin/sh\\n' > /tmp/out/tool"
                        + " && chmod 755 /tmp/out/tool")).await(new Lines());

        runtime.copyOut(container, "/tmp/out", host);

        assertThat(host.resolve("out/sub/report.txt")).hasContent("report");
        assertThat(Files.isExecutable(host.resolve("out/tool"))).isTrue();
    }

    @Test
    void copyingOutWhatIsNotThereNamesThePath(@TempDir Path host) {
        assertThatThrownBy(() -> runtime.copyOut(container, "/no/such/file", host))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("/no/such/file");
    }
}

package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull policies against an engine without registry access, and builds from a Dockerfile. */
class DockerImagesIT {

    /** Nothing listens on port 9 of the engine's host, so this registry is unreachable anywhere. */
    private static final String UNREACHABLE = "127.0.0.1:9/gantry/absent:1";

    private static DockerContainerRuntime runtime;
    private static String runId;

    @BeforeAll
    static void connect() {
        runtime = TestEngine.runtime();
        runId = TestEngine.newRunId();
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            assertThat(runtime.cleanup(runId).problems()).isEmpty();
            runtime.close();
        }
    }

    @Test
    void aPresentImageIsNotPulledByDefault() throws ContainerException {
        runtime.pull(TestEngine.BUSYBOX, PullPolicy.MISSING);
        runtime.pull(TestEngine.BUSYBOX, PullPolicy.NEVER);

        assertThat(runtime.imageExists(TestEngine.BUSYBOX)).isTrue();
    }

    @Test
    void pullingFromAnUnreachableRegistryNamesTheImageAndTheReason() {
        assertThatThrownBy(() -> runtime.pull(UNREACHABLE, PullPolicy.MISSING))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("cannot pull image '" + UNREACHABLE + "'")
                .hasMessageContaining("no image registry is reachable");
        assertThatThrownBy(() -> runtime.pull(UNREACHABLE, PullPolicy.ALWAYS))
                .hasMessageContaining("no image registry is reachable");
    }

    @Test
    void neverPullingAMissingImageSaysWhatToDo() {
        assertThatThrownBy(() -> runtime.pull(UNREACHABLE, PullPolicy.NEVER))
                .hasMessageContaining(UNREACHABLE)
                .hasMessageContaining("pull policy is 'never'");
    }

    @Test
    void buildsFromADockerfileOnTopOfALocalImage(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM gantry-test/busybox
                COPY hello.txt /hello.txt
                RUN echo built > /built.txt
                """);
        Files.writeString(context.resolve("hello.txt"), "hello from the context\n");
        Files.writeString(context.resolve(".dockerignore"), "secret.txt\n");
        Files.writeString(context.resolve("secret.txt"), "must not be sent\n");
        String tag = "gantry-it/build:latest";
        List<String> progress = new ArrayList<>();

        runtime.build(context, tag, progress::add);

        assertThat(runtime.imageExists(tag)).isTrue();
        assertThat(progress).anyMatch(line -> line.contains("RUN echo built"));
        String container = runtime.start(ContainerSpec.builder(tag, ResourceNames.jobContainer(runId, "built"), runId)
                .keepAlive().build()).id();
        Lines lines = new Lines();
        runtime.exec(container, ExecSpec.of("sh", "-c", "cat /hello.txt /built.txt; ls /secret.txt 2>&1")).await(lines);
        assertThat(lines.stdout()).containsExactly("hello from the context", "built",
                "ls: /secret.txt: No such file or directory");
    }

    @Test
    void aFailingBuildNamesTheTagAndTheStep(@TempDir Path context) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM gantry-test/busybox\nRUN exit 7\n");

        assertThatThrownBy(() -> runtime.build(context, "gantry-it/broken:latest", line -> { }))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("building image 'gantry-it/broken:latest'")
                .hasMessageContaining("7");
    }

    @Test
    void aContextWithoutDockerfileIsRefused(@TempDir Path context) {
        assertThatThrownBy(() -> runtime.build(context, "gantry-it/none:latest", line -> { }))
                .hasMessageContaining("has no Dockerfile");
    }
}

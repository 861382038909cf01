package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why an engine is not available, without any engine. */
class DockerConnectionTest {

    @Test
    void aMissingSocketIsNamed(@TempDir Path dir) {
        Path socket = dir.resolve("docker.sock");
        try (DockerConnection docker = DockerConnection.open(Map.of("DOCKER_HOST", "unix://" + socket))) {
            Availability availability = docker.availability();

            assertThat(availability.available()).isFalse();
            assertThat(availability.detail()).isEqualTo("no Docker engine: the socket " + socket + " does not exist"
                    + " (from DOCKER_HOST); start dockerd or point DOCKER_HOST at a running engine");
        }
    }

    @Test
    void anEngineThatDoesNotAnswerIsNamed() {
        try (DockerConnection docker = DockerConnection.open(Map.of("DOCKER_HOST", "tcp://127.0.0.1:9"))) {
            Availability availability = docker.availability();

            assertThat(availability.available()).isFalse();
            assertThat(availability.detail()).startsWith("the Docker engine at tcp://127.0.0.1:9 does not answer: ");
        }
    }

    @Test
    void withoutDockerHostTheDefaultSocketIsUsed() {
        try (DockerConnection docker = DockerConnection.open(Map.of())) {
            assertThat(docker.host).isEqualTo("unix:///var/run/docker.sock");
        }
    }
}

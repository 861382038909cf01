package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void theEnginesMessageIsTakenOutOfItsJson() {
        var e = new InternalServerErrorException("Status 500: {\"message\":\"Get \\\"http://127.0.0.1:9/v2/\\\": dial tcp"
                + " 127.0.0.1:9: connect: connection refused\"}\n");

        String message = DockerErrors.engineMessage(e);

        assertThat(message).isEqualTo("Get \"http://127.0.0.1:9/v2/\": dial tcp 127.0.0.1:9: connect: connection refused");
        assertThat(DockerErrors.registryUnreachable(message)).isTrue();
        assertThat(DockerErrors.imageNotFound(message)).isFalse();
    }

    @Test
    void otherExceptionsGiveTheirMessageOrType() {
        assertThat(DockerErrors.engineMessage(new RuntimeException(new IllegalStateException("socket closed"))))
                .contains("socket closed");
        assertThat(DockerErrors.engineMessage(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void tellsUnreachableRegistriesFromMissingImages() {
        assertThat(DockerErrors.registryUnreachable("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup"
                + " registry-1.docker.io on 10.0.0.53:53: no such host")).isTrue();
        assertThat(DockerErrors.imageNotFound("pull access denied for gantry/absent, repository does not exist")).isTrue();
        assertThat(DockerErrors.imageNotFound("manifest for redis:99 not found: manifest unknown")).isTrue();
    }
}

package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountTest {

    @Test
    void readsTheVolumeForms() {
        assertThat(Mount.parse("/var/run/docker.sock:/var/run/docker.sock")).contains(Mount.bind("/var/run/docker.sock", "/var/run/docker.sock"));
        assertThat(Mount.parse("my_docker_volume:/volume_mount:ro")).contains(new Mount("my_docker_volume", "/volume_mount", true));
        assertThat(Mount.parse("/data")).contains(new Mount("", "/data", false));
        assertThat(Mount.parse("/src:/dst:rw,z")).contains(new Mount("/src", "/dst", false));
    }

    @Test
    void tellsBindsFromVolumes() {
        assertThat(Mount.bind("/h", "/c").isBind()).isTrue();
        assertThat(new Mount("cache", "/c", false).isNamedVolume()).isTrue();
        assertThat(new Mount("", "/c", false).isNamedVolume()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "a:b", "/a:/b:bogus", "/a:/b:ro:x", ":/b"})
    void malformedVolumesAreRefused(String text) {
        assertThat(Mount.parse(text)).isEmpty();
    }
}

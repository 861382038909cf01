package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void namesAreMadeOfRunJobAndServiceWithOnlyAllowedCharacters() {
        assertThat(ResourceNames.network("r1", "build (ubuntu, 3)")).isEqualTo("gantry-r1-build--ubuntu--3-");
        assertThat(ResourceNames.jobContainer("r1", "test")).isEqualTo("gantry-r1-test-job");
        assertThat(ResourceNames.service("r1", "test", "redis")).isEqualTo("gantry-r1-test-svc-redis");
        assertThat(ResourceNames.join("_x", "ü")).isEqualTo("g_x--");
    }

    @Test
    void longNamesAreCut() {
        assertThat(ResourceNames.join("x".repeat(500))).hasSize(200);
        assertThat(ResourceNames.imageTag("Docker Action/V1")).isEqualTo("docker-action-v1");
    }
}

package dev.gantry.runner.actions.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSpecTest {

    private static boolean matches(String spec, String version) {
        return VersionSpec.parse(spec).orElseThrow().matches(ToolVersion.parse(version));
    }

    @Test
    void partialVersionsMatchWhatTheyPrefix() {
        assertThat(matches("17", "17.0.15+6")).isTrue();
        assertThat(matches("17.0", "17.0.15+6")).isTrue();
        assertThat(matches("17.0.2", "17.0.15+6")).isFalse();
        assertThat(matches("17.0.15", "17.0.15+6")).isTrue();
        assertThat(matches("1", "17.0.15")).isFalse();
        assertThat(matches("3.x", "3.12.1")).isTrue();
        assertThat(matches("3.11.x", "3.12.1")).isFalse();
        assertThat(matches("v20", "20.11.1")).isTrue();
    }

    @Test
    void comparatorsFollowNodeSemverXRanges() {
        assertThat(matches(">=3.10", "3.9.18")).isFalse();
        assertThat(matches(">=3.10", "3.10.0")).isTrue();
        assertThat(matches(">3.10", "3.10.13")).isFalse();
        assertThat(matches(">3.10", "3.11.0")).isTrue();
        assertThat(matches("<=3.10", "3.10.13")).isTrue();
        assertThat(matches("<=3.10", "3.11.0")).isFalse();
        assertThat(matches("<3.10", "3.9.18")).isTrue();
        assertThat(matches(">=3.8 <3.11", "3.10.13")).isTrue();
        assertThat(matches(">=3.8 <3.11", "3.11.7")).isFalse();
        assertThat(matches("3.8 || 3.12", "3.12.1")).isTrue();
        assertThat(matches("^3.10", "3.13.0")).isTrue();
        assertThat(matches("^3.10", "4.0.0")).isFalse();
        assertThat(matches("~3.10", "3.10.9")).isTrue();
        assertThat(matches("~3.10", "3.11.0")).isFalse();
        assertThat(matches("latest", "1.0")).isTrue();
        assertThat(VersionSpec.parse("not a version")).isEmpty();
    }

    @Test
    void versionsOrderByNumbersThenBuildAndReleasesAfterPreReleases() {
        assertThat(ToolVersion.parse("17.0.15+10")).isGreaterThan(ToolVersion.parse("17.0.15+6"));
        assertThat(ToolVersion.parse("3.13.0")).isGreaterThan(ToolVersion.parse("3.13.0rc1"));
        assertThat(ToolVersion.parse("3.13.0rc1").prerelease()).isTrue();
        assertThat(ToolVersion.parse("go1.22.3").text()).isEqualTo("1.22.3");
        assertThat(ToolVersion.parse("v20.11.1").major()).isEqualTo(20);
        assertThat(ToolVersion.parse("stable")).isNull();
    }

    @Test
    void pickTakesTheHighestMatchAndSkipsPreReleasesUnlessAsked() {
        List<Toolchain> installed = List.of(tool("3.12.1"), tool("3.13.0rc1"), tool("3.11.7"));
        assertThat(Toolchains.pick(installed, VersionSpec.parse("3").orElseThrow(), false))
                .map(t -> t.version().text()).contains("3.12.1");
        assertThat(Toolchains.pick(installed, VersionSpec.parse("3").orElseThrow(), true))
                .map(t -> t.version().text()).contains("3.13.0rc1");
        assertThat(Toolchains.pick(installed, VersionSpec.parse("3.10").orElseThrow(), true)).isEmpty();
    }

    private static Toolchain tool(String version) {
        return new Toolchain(ToolVersion.parse(version), Path.of("/opt/" + version), Path.of("/opt/" + version + "/bin/x"), "");
    }
}

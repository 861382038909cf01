package dev.gantry.runner.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformsTest {

    private static Platforms parsed(String... values) {
        Platforms.Parsed p = Platforms.parse(List.of(values));
        assertThat(p.errors()).isEmpty();
        return p.platforms();
    }

    @Test
    void hostAndDockerImagesAreParsed() {
        Platforms p = parsed("windows-latest=host", "ubuntu-latest=docker://gantry-test/busybox:latest");
        assertThat(p.choose(List.of("windows-latest")).map(Platforms.Choice::platform))
                .contains(new Platform.Host());
        assertThat(p.choose(List.of("ubuntu-latest")).map(Platforms.Choice::platform))
                .contains(new Platform.Image("gantry-test/busybox:latest"));
        assertThat(p.choose(List.of("ubuntu-latest")).orElseThrow())
                .hasToString("docker://gantry-test/busybox:latest (-P ubuntu-latest)");
    }

    @Test
    void labelsAreComparedIgnoringCaseAndReportedAsTheJobWroteThem() {
        Platforms p = parsed("MACOS=host");
        assertThat(p.choose(List.of("self-hosted", "macOS")))
                .contains(new Platforms.Choice("macOS", new Platform.Host()));
    }

    @Test
    void theJobsFirstLabelWithAnOptionWinsWhateverTheOptionsOrder() {
        Platforms p = parsed("gpu=docker://cuda", "self-hosted=host");
        assertThat(p.choose(List.of("self-hosted", "linux", "gpu")).orElseThrow().label()).isEqualTo("self-hosted");
        assertThat(p.choose(List.of("linux", "gpu")).orElseThrow().platform()).isEqualTo(new Platform.Image("cuda"));
        assertThat(p.choose(List.of("linux"))).isEmpty();
        assertThat(Platforms.none().choose(List.of("linux"))).isEqualTo(Optional.empty());
    }

    @Test
    void aLabelGivenTwiceKeepsTheLaterValue() {
        assertThat(parsed("ubuntu-latest=host", "ubuntu-latest=docker://alpine").choose(List.of("ubuntu-latest"))
                .orElseThrow().platform()).isEqualTo(new Platform.Image("alpine"));
    }

    @Test
    void badValuesAreErrorsWithAHintForOtherToolsSpelling() {
        Platforms.Parsed p = Platforms.parse(List.of("ubuntu-latest", "=host", "x=docker://", "x=vm",
                "windows-latest=-self-hosted", "ubuntu-latest=node:16", "ok=host"));
        assertThat(p.errors()).containsExactly(
                "-P takes LABEL=host or LABEL=docker://IMAGE, not 'ubuntu-latest'",
                "-P takes LABEL=host or LABEL=docker://IMAGE, not '=host'",
                "-P takes LABEL=host or LABEL=docker://IMAGE, not 'x=docker://'",
                "-P takes LABEL=host or LABEL=docker://IMAGE, not 'x=vm' (did you mean x=docker://vm?)",
                "-P takes LABEL=host or LABEL=docker://IMAGE, not 'windows-latest=-self-hosted'"
                        + " (did you mean windows-latest=host?)",
                "-P takes LABEL=host or LABEL=docker://IMAGE, not 'ubuntu-latest=node:16'"
                        + " (did you mean ubuntu-latest=docker://node:16?)");
        assertThat(p.platforms().choose(List.of("ok"))).isPresent();
    }

    @Test
    void anImageBecomesTheJobsContainer() {
        var job = new dev.gantry.model.Job("j", "j", null, List.of(), new dev.gantry.model.Condition.Default(),
                null, List.of(), List.of("ubuntu-latest"), null, List.of(), List.of(), List.of(), null, null,
                dev.gantry.model.Retry.NONE, dev.gantry.model.AllowFailure.NO, null, null, java.util.Map.of(), null, null);
        assertThat(new Platform.Image("alpine:3").applyTo(job).container().image()).isEqualTo("alpine:3");
        assertThat(new Platform.Image("alpine:3").applyTo(job).runsOn()).containsExactly("ubuntu-latest");
    }
}

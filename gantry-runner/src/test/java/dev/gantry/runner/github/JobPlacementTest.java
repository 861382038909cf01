package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.platform.Platform;
import dev.gantry.runner.platform.Platforms;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlacementTest {

    private static Platforms p(String... values) {
        return Platforms.parse(List.of(values)).platforms();
    }

    @Test
    void withoutAnOptionALabelForAnotherSystemSkipsTheJobAndNamesTheOptionThatRunsItHere() {
        JobPlacement.Where w = JobPlacement.decide(List.of("windows-latest"), 1, Platforms.none(), "Linux");
        assertThat(w).isInstanceOf(JobPlacement.Elsewhere.class);
        assertThat(((JobPlacement.Elsewhere) w).mismatch().reason()).isEqualTo("runs-on 'windows-latest' asks for a"
                + " Windows runner and this machine runs Linux (gantry runs jobs on this machine only;"
                + " -P windows-latest=host runs it here anyway)");
        assertThat(JobPlacement.decide(List.of("ubuntu-latest", "gpu"), 2, Platforms.none(), "Linux"))
                .isEqualTo(new JobPlacement.Here(null));
    }

    @Test
    void hostRunsAJobForAnotherSystemHereAndAnyOfItsLabelsMayCarryTheOption() {
        assertThat(JobPlacement.decide(List.of("Windows-Latest"), 1, p("windows-latest=host"), "Linux"))
                .isEqualTo(new JobPlacement.Here(new Platforms.Choice("Windows-Latest", new Platform.Host())));
        assertThat(JobPlacement.decide(List.of("self-hosted", "windows"), 2, p("self-hosted=host"), "Linux"))
                .isInstanceOf(JobPlacement.Here.class);
    }

    @Test
    void anImageOptionPlacesTheJobInItAndAGroupNameCountsAfterTheLabels() {
        assertThat(JobPlacement.decide(List.of("ubuntu-latest"), 1, p("ubuntu-latest=docker://alpine"), "Linux"))
                .isEqualTo(new JobPlacement.InImage(new Platforms.Choice("ubuntu-latest", new Platform.Image("alpine")),
                        new Platform.Image("alpine")));
        assertThat(JobPlacement.decide(List.of("big-runners"), 0, p("big-runners=docker://alpine"), "Linux"))
                .isInstanceOf(JobPlacement.InImage.class);
        // A group named like an OS does not skip the job: only labels say which system.
        assertThat(JobPlacement.decide(List.of("windows"), 0, Platforms.none(), "Linux"))
                .isEqualTo(new JobPlacement.Here(null));
    }
}

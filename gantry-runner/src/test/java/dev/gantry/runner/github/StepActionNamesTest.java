package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names steps run under in {@code github.action} ("Contexts reference#github context"). */
class StepActionNamesTest {

    private static Step step(String id, StepAction action) {
        return new Step(id, null, null, action, List.of(), null, null, null, null, null, null);
    }

    private static Step run(String id) {
        return step(id, new StepAction.Run("make"));
    }

    private static Step uses(String reference) {
        return step(null, new StepAction.Uses(reference, Map.of()));
    }

    @Test
    void idsAreKeptAndRepeatedNamesGetASequenceNumber() {
        assertThat(StepActionNames.of(List.of(run(null), run("build"), run(null), uses("actions/checkout@v4"),
                uses("actions/checkout@v4"), uses("actions/setup-node/sub@v4"), uses("./.github/actions/x"),
                uses("docker://alpine:3"), run(null))))
                .containsExactly("__run", "build", "__run_2", "__actions_checkout", "__actions_checkout_2",
                        "__actions_setup-node", "__self", "__docker", "__run_3");
    }

    @Test
    void charactersGithubDropsAreRemovedFromTheActionsName() {
        assertThat(StepActionNames.of(List.of(uses("my.org/some.action@v1")))).containsExactly("__myorg_someaction");
    }
}

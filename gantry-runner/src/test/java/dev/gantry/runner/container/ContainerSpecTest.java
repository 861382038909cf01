package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    @Test
    void optionsAddToListsAndReplaceSingleValues() {
        ContainerOptions options = ContainerOptionsParser.parse(
                "-e B=options -v /extra:/extra --user 1000 --entrypoint '' --label dev.gantry.run=forged --cpus 2",
                SourceRange.at("ci.yml", 1, 1)).options();

        ContainerSpec spec = ContainerSpec.builder("node:20", "n", "run-1")
                .env(Map.of("A", "workflow")).env(Map.of("B", "workflow"))
                .mount(Mount.bind("/ws", "/__w"))
                .user("root")
                .keepAlive()
                .options(options)
                .build();

        assertThat(spec.env()).containsExactly(Map.entry("A", "workflow"), Map.entry("B", "options"));
        assertThat(spec.mounts()).containsExactly(Mount.bind("/ws", "/__w"), Mount.bind("/extra", "/extra"));
        assertThat(spec.user()).contains("1000");
        assertThat(spec.entrypoint()).contains(List.of());
        assertThat(spec.cmd()).contains(List.of("-f", "/dev/null"));
        assertThat(spec.resources().cpus()).contains(2.0);
        assertThat(spec.labels()).containsEntry(ContainerRuntime.RUN_LABEL, "run-1");
    }

    @Test
    void keepAliveRunsTailForever() {
        ContainerSpec spec = ContainerSpec.builder("alpine", "a", "r").keepAlive().build();

        assertThat(spec.entrypoint()).contains(List.of("tail"));
        assertThat(spec.cmd()).contains(List.of("-f", "/dev/null"));
    }

    @Test
    void pullPolicyWordsIncludeGitlabs() {
        assertThat(PullPolicy.parse("if-not-present")).contains(PullPolicy.MISSING);
        assertThat(PullPolicy.parse(" Always ")).contains(PullPolicy.ALWAYS);
        assertThat(PullPolicy.parse("never")).contains(PullPolicy.NEVER);
        assertThat(PullPolicy.parse("sometimes")).isEmpty();
    }
}

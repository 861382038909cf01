package dev.gantry.github.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionRefTest {

    @Test
    void readsTheThreeFormsOfUses() {
        assertThat(ActionRef.parse("./.github/actions/build")).contains(new ActionRef.Local("./.github/actions/build"));
        assertThat(ActionRef.parse("docker://alpine:3.20")).contains(new ActionRef.DockerImage("alpine:3.20"));
        assertThat(ActionRef.parse("actions/cache@v4")).contains(new ActionRef.Remote("actions", "cache", "", "v4"));
        assertThat(ActionRef.parse("actions/cache/restore@v4"))
                .contains(new ActionRef.Remote("actions", "cache", "restore", "v4"));
        assertThat(ActionRef.parse("o/r/deep/er/path@release/v1"))
                .contains(new ActionRef.Remote("o", "r", "deep/er/path", "release/v1"));
    }

    @Test
    void readsTheSelfRepositoryReference() {
        assertThat(ActionRef.parse("$/.github/actions/build")).contains(new ActionRef.Self(".github/actions/build"));
        assertThat(ActionRef.parse("$/.github/actions/build").orElseThrow().text()).isEqualTo("$/.github/actions/build");
        assertThat(ActionRef.parse("$/")).isEmpty();
        assertThat(ActionRef.parse("$/x@v1")).isEmpty();
    }

    @Test
    void printsARemoteReferenceAsWritten() {
        assertThat(ActionRef.parse("o/r/sub@0123abc").orElseThrow().text()).isEqualTo("o/r/sub@0123abc");
        assertThat(((ActionRef.Remote) ActionRef.parse("o/r@v1").orElseThrow()).repository()).isEqualTo("o/r");
    }

    @Test
    void rejectsWhatIsNoReference() {
        assertThat(ActionRef.parse("actions/cache")).isEmpty();
        assertThat(ActionRef.parse("cache@v4")).isEmpty();
        assertThat(ActionRef.parse("docker://")).isEmpty();
        assertThat(ActionRef.parse("o/r@a@b")).isEmpty();
        assertThat(ActionRef.parse(null)).isEmpty();
    }
}

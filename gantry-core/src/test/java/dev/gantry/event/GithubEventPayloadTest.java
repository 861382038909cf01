package dev.gantry.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubEventPayloadTest {

    private static final RepositoryFacts FACTS = new RepositoryFacts("a".repeat(40), "b".repeat(40),
            "refs/heads/feature/x", "main", "acme", "app", "https://example.com/acme/app.git", "dev",
            "Fix it\n\nLonger text", "Dev One", "dev@example.com", Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    @SuppressWarnings("unchecked")
    void pushCarriesRefsAndTheHeadCommit() {
        Map<String, Object> p = GithubEventPayload.build("push", FACTS, null, null, Map.of(), null);
        assertThat(p).containsEntry("ref", "refs/heads/feature/x").containsEntry("before", "b".repeat(40))
                .containsEntry("after", "a".repeat(40));
        Map<String, Object> head = (Map<String, Object>) p.get("head_commit");
        assertThat(head).containsEntry("id", "a".repeat(40)).containsEntry("message", "Fix it\n\nLonger text");
        assertThat((Map<String, Object>) p.get("repository")).containsEntry("full_name", "acme/app");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestHasHeadAndBaseWithTheDefaultBranchAsBase() {
        Map<String, Object> p = GithubEventPayload.build("pull_request", FACTS, null, "c".repeat(40), Map.of(), null);
        Map<String, Object> pr = (Map<String, Object>) p.get("pull_request");
        assertThat((Map<String, Object>) pr.get("head")).containsEntry("ref", "feature/x").containsEntry("sha", "a".repeat(40));
        assertThat((Map<String, Object>) pr.get("base")).containsEntry("ref", "main").containsEntry("sha", "c".repeat(40));
        assertThat(p).containsEntry("action", "opened").containsEntry("number", 1);
    }

    @Test
    void workflowDispatchCarriesInputsAsStrings() {
        Map<String, Object> p = GithubEventPayload.build("workflow_dispatch", FACTS, null, null,
                Map.of("flag", "false"), null);
        assertThat(p.get("inputs")).isEqualTo(Map.of("flag", "false"));
    }

    @Test
    void refNameAndTitle() {
        assertThat(FACTS.refName()).isEqualTo("feature/x");
        assertThat(FACTS.title()).isEqualTo("Fix it");
        assertThat(FACTS.isTag()).isFalse();
    }
}

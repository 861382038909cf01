package dev.gantry.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic webhook payload ({@code github.event}) for a local run that has no payload file,
 * built from the repository's facts. Follows the shapes of docs.github.com "Webhook events and
 * payloads" for the fields workflows commonly read: {@code push} (ref, before, after, head_commit,
 * commits, pusher, repository, sender), {@code pull_request} (action, number, pull_request.head/base
 * with ref and sha), {@code workflow_dispatch} (inputs, ref) and {@code schedule} (schedule).
 * Other events get the common repository and sender fields.
 */
public final class GithubEventPayload {

    private GithubEventPayload() {
    }

    /**
     * @param event       the event name, for example {@code push}
     * @param facts       the repository and commit
     * @param baseRef     for pull_request: the base branch name (null: the default branch)
     * @param baseSha     for pull_request: the base commit (null: {@code facts.beforeSha()})
     * @param inputs      workflow_dispatch inputs as the strings the payload carries
     * @param cron        for schedule: the cron expression, else null
     * @return the payload as JSON-shaped maps and lists
     */
    public static Map<String, Object> build(String event, RepositoryFacts facts, String baseRef, String baseSha,
                                            Map<String, String> inputs, String cron) {
        Map<String, Object> payload = new LinkedHashMap<>();
        Map<String, Object> sender = Map.of("login", facts.actor(), "type", "User");
        switch (event) {
            case "push" -> {
                payload.put("ref", facts.ref());
                payload.put("before", facts.beforeSha());
                payload.put("after", facts.sha());
                Map<String, Object> commit = headCommit(facts);
                payload.put("head_commit", commit);
                payload.put("commits", List.of(commit));
                payload.put("pusher", Map.of("name", facts.actor(), "email", facts.authorEmail()));
                payload.put("created", false);
                payload.put("deleted", false);
                payload.put("forced", false);
            }
            case "pull_request", "pull_request_target" -> {
                String base = baseRef != null ? baseRef : facts.defaultBranch();
                payload.put("action", "opened");
                payload.put("number", 1);
                Map<String, Object> pr = new LinkedHashMap<>();
                pr.put("number", 1);
                pr.put("title", facts.title());
                pr.put("body", "");
                pr.put("state", "open");
                pr.put("draft", false);
                pr.put("user", sender);
                pr.put("head", Map.of("ref", facts.refName(), "sha", facts.sha(), "label", facts.owner() + ":" + facts.refName(),
                        "repo", repository(facts)));
                pr.put("base", Map.of("ref", base, "sha", baseSha != null ? baseSha : facts.beforeSha(),
                        "label", facts.owner() + ":" + base, "repo", repository(facts)));
                pr.put("labels", List.of());
                payload.put("pull_request", pr);
            }
            case "workflow_dispatch" -> {
                payload.put("inputs", new LinkedHashMap<>(inputs));
                payload.put("ref", facts.ref());
            }
            case "schedule" -> payload.put("schedule", cron == null ? "" : cron);
            default -> {
                // Events we do not model in detail still carry the common fields below.
            }
        }
        payload.put("repository", repository(facts));
        payload.put("sender", sender);
        return payload;
    }

    private static Map<String, Object> headCommit(RepositoryFacts facts) {
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("id", facts.sha());
        commit.put("tree_id", facts.sha());
        commit.put("message", facts.message());
        commit.put("timestamp", facts.timestamp().toString());
        Map<String, Object> author = Map.of("name", facts.authorName(), "email", facts.authorEmail(),
                "username", facts.actor());
        commit.put("author", author);
        commit.put("committer", author);
        return commit;
    }

    private static Map<String, Object> repository(RepositoryFacts facts) {
        Map<String, Object> repo = new LinkedHashMap<>();
        repo.put("name", facts.name());
        repo.put("full_name", facts.fullName());
        repo.put("owner", Map.of("login", facts.owner(), "name", facts.owner()));
        repo.put("default_branch", facts.defaultBranch());
        repo.put("private", false);
        if (facts.remoteUrl() != null) {
            repo.put("clone_url", facts.remoteUrl());
        }
        return repo;
    }
}

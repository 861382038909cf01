package dev.gantry.runner.github;

import dev.gantry.event.RepositoryFacts;
import java.util.Map;

/**
 * The ref a workflow run describes (GITHUB_REF, {@code github.ref}, {@code github.ref_name},
 * {@code github.ref_type}), which depends on the event ("Events that trigger workflows", the
 * GITHUB_REF row of each event; "Contexts reference#github context": "For pull requests, the
 * format is {@code <pr_number>/merge}"):
 * <ul>
 *   <li>{@code pull_request}, {@code pull_request_review}, {@code pull_request_review_comment}:
 *       the pull request's merge branch {@code refs/pull/NUMBER/merge}, named {@code NUMBER/merge};</li>
 *   <li>{@code pull_request_target}: the pull request's base branch;</li>
 *   <li>any other event (and a pull request payload without a number or base): the checked-out
 *       branch or tag of the repository's facts.</li>
 * </ul>
 *
 * @param ref  the full ref
 * @param name the short name
 * @param type {@code branch} or {@code tag}
 */
public record EventRef(String ref, String name, String type) {

    /** The ref of a run of {@code eventName} with the payload {@code event}. */
    public static EventRef of(String eventName, Map<String, Object> event, RepositoryFacts facts) {
        Object pr = event.get("pull_request");
        switch (eventName) {
            case "pull_request", "pull_request_review", "pull_request_review_comment" -> {
                Object number = event.get("number") instanceof Number n ? n
                        : pr instanceof Map<?, ?> m ? m.get("number") : null;
                if (number instanceof Number n) {
                    String name = n.longValue() + "/merge";
                    return new EventRef("refs/pull/" + name, name, "branch");
                }
            }
            case "pull_request_target" -> {
                if (pr instanceof Map<?, ?> m && m.get("base") instanceof Map<?, ?> base
                        && base.get("ref") instanceof String branch && !branch.isEmpty()) {
                    return new EventRef("refs/heads/" + branch, branch, "branch");
                }
            }
            default -> {
            }
        }
        return new EventRef(facts.ref(), facts.refName(), facts.isTag() ? "tag" : "branch");
    }
}

package dev.gantry.expr.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.expr.gitlab.PredefinedVariables.Commit;
import dev.gantry.expr.gitlab.PredefinedVariables.Job;
import dev.gantry.expr.gitlab.PredefinedVariables.MergeRequest;
import dev.gantry.expr.gitlab.PredefinedVariables.Pipeline;
import dev.gantry.expr.gitlab.PredefinedVariables.Project;
import dev.gantry.expr.gitlab.PredefinedVariables.Ref;
import dev.gantry.expr.gitlab.PredefinedVariables.Server;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs.gitlab.com "Predefined CI/CD variables reference", including "Variable availability". */
class PredefinedVariablesTest {

    private static final String SHA = "1ecfd275763eff1d6b4844ea3168962458c9f27a";
    private static final Instant WHEN = Instant.parse("2022-01-31T16:47:55.123Z");

    private static PredefinedVariables facts(Ref ref) {
        return new PredefinedVariables()
                .commit(new Commit(SHA, "a".repeat(40), "Fix the build\n\nLonger text.\n", "Mona <mona@example.com>", WHEN))
                .ref(ref)
                .defaultBranch("main")
                .project(new Project("gitlab-org/sub/gitlab", 34))
                .server(new Server("https://gitlab.example.com:8080", "17.2.1"))
                .pipeline(new Pipeline("push", 1000, 10, WHEN, null, false))
                .job(new Job("spec:other", "test", 50, 0, 1, false))
                .workspace("/builds/gitlab-org/sub/gitlab", "/builds");
    }

    @Test
    void branchPipeline() {
        Variables v = facts(Ref.branch("Feature/ABC")).forJob();
        assertThat(v.asMap()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("CI", "true"),
                Map.entry("GITLAB_CI", "true"),
                Map.entry("CI_SERVER", "yes"),
                Map.entry("CI_COMMIT_SHA", SHA),
                Map.entry("CI_COMMIT_SHORT_SHA", "1ecfd275"),
                Map.entry("CI_COMMIT_BEFORE_SHA", "a".repeat(40)),
                Map.entry("CI_COMMIT_REF_NAME", "Feature/ABC"),
                Map.entry("CI_COMMIT_REF_SLUG", "feature-abc"),
                Map.entry("CI_COMMIT_BRANCH", "Feature/ABC"),
                Map.entry("CI_COMMIT_MESSAGE", "Fix the build\n\nLonger text.\n"),
                Map.entry("CI_COMMIT_TITLE", "Fix the build"),
                Map.entry("CI_COMMIT_DESCRIPTION", "Longer text."),
                Map.entry("CI_COMMIT_AUTHOR", "Mona <mona@example.com>"),
                Map.entry("CI_COMMIT_TIMESTAMP", "2022-01-31T16:47:55Z"),
                Map.entry("CI_COMMIT_REF_PROTECTED", "false"),
                Map.entry("CI_DEFAULT_BRANCH", "main"),
                Map.entry("CI_CONFIG_PATH", ".gitlab-ci.yml"),
                Map.entry("CI_PIPELINE_SOURCE", "push"),
                Map.entry("CI_PIPELINE_ID", "1000"),
                Map.entry("CI_PIPELINE_IID", "10"),
                Map.entry("CI_JOB_NAME", "spec:other"),
                Map.entry("CI_JOB_NAME_SLUG", "spec-other"),
                Map.entry("CI_JOB_STAGE", "test"),
                Map.entry("CI_JOB_ID", "50"),
                Map.entry("CI_NODE_TOTAL", "1"),
                Map.entry("CI_PROJECT_DIR", "/builds/gitlab-org/sub/gitlab"),
                Map.entry("CI_BUILDS_DIR", "/builds"),
                Map.entry("CI_PROJECT_ID", "34"),
                Map.entry("CI_PROJECT_NAME", "gitlab"),
                Map.entry("CI_PROJECT_PATH", "gitlab-org/sub/gitlab"),
                Map.entry("CI_PROJECT_PATH_SLUG", "gitlab-org-sub-gitlab"),
                Map.entry("CI_PROJECT_NAMESPACE", "gitlab-org/sub"),
                Map.entry("CI_PROJECT_ROOT_NAMESPACE", "gitlab-org"),
                Map.entry("CI_PROJECT_URL", "https://gitlab.example.com:8080/gitlab-org/sub/gitlab"),
                Map.entry("CI_PIPELINE_URL", "https://gitlab.example.com:8080/gitlab-org/sub/gitlab/-/pipelines/1000"),
                Map.entry("CI_SERVER_URL", "https://gitlab.example.com:8080"),
                Map.entry("CI_SERVER_HOST", "gitlab.example.com"),
                Map.entry("CI_SERVER_PORT", "8080"),
                Map.entry("CI_SERVER_PROTOCOL", "https"),
                Map.entry("CI_SERVER_FQDN", "gitlab.example.com:8080"),
                Map.entry("CI_API_V4_URL", "https://gitlab.example.com:8080/api/v4"),
                Map.entry("CI_SERVER_VERSION_MAJOR", "17"),
                Map.entry("CI_SERVER_VERSION_MINOR", "2"),
                Map.entry("CI_SERVER_VERSION_PATCH", "1")));
        assertThat(v.names()).doesNotContain("CI_COMMIT_TAG", "CI_NODE_INDEX", "CI_MERGE_REQUEST_IID");
    }

    /** CI_COMMIT_TAG only for tags; CI_COMMIT_BRANCH not for tags. */
    @Test
    void tagPipeline() {
        Variables v = facts(new Ref("v1.0.0", PredefinedVariables.RefKind.TAG, true, "Release 1")).forRules();
        assertThat(v.value("CI_COMMIT_TAG")).isEqualTo("v1.0.0");
        assertThat(v.value("CI_COMMIT_TAG_MESSAGE")).isEqualTo("Release 1");
        assertThat(v.value("CI_COMMIT_REF_NAME")).isEqualTo("v1.0.0");
        assertThat(v.value("CI_COMMIT_REF_SLUG")).isEqualTo("v1-0-0");
        assertThat(v.value("CI_COMMIT_REF_PROTECTED")).isEqualTo("true");
        assertThat(v.isDefined("CI_COMMIT_BRANCH")).isFalse();
    }

    /** "Predefined variables for merge request pipelines"; CI_COMMIT_BRANCH is not set there. */
    @Test
    void mergeRequestPipeline() {
        Variables v = facts(Ref.branch("feature"))
                .pipeline(new Pipeline("merge_request_event", 1001, 11, WHEN, null, false))
                .mergeRequest(new MergeRequest(900, 7, "feature", "main", "Add things", "Body",
                        List.of("bug", "ui"), "b".repeat(40), null))
                .forRules();
        assertThat(v.isDefined("CI_COMMIT_BRANCH")).isFalse();
        assertThat(v.value("CI_COMMIT_REF_NAME")).isEqualTo("feature");
        assertThat(v.value("CI_COMMIT_BEFORE_SHA")).isEqualTo(PredefinedVariables.NULL_SHA);
        assertThat(v.asMap()).containsAllEntriesOf(Map.of(
                "CI_PIPELINE_SOURCE", "merge_request_event",
                "CI_MERGE_REQUEST_IID", "7",
                "CI_MERGE_REQUEST_ID", "900",
                "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature",
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main",
                "CI_MERGE_REQUEST_LABELS", "bug,ui",
                "CI_MERGE_REQUEST_EVENT_TYPE", "detached",
                "CI_MERGE_REQUEST_REF_PATH", "refs/merge-requests/7/head",
                "CI_MERGE_REQUEST_PROJECT_PATH", "gitlab-org/sub/gitlab",
                "CI_MERGE_REQUEST_TARGET_BRANCH_SHA", ""));
    }

    /** "Variable availability": job-only variables cannot be used in rules. */
    @Test
    void rulesSeeNoJobOnlyVariables() {
        Variables v = facts(Ref.branch("main")).forRules();
        assertThat(v.names()).doesNotContain("CI_JOB_ID", "CI_PIPELINE_ID", "CI_PROJECT_DIR", "CI_BUILDS_DIR",
                "CI_SERVER", "CI_JOB_URL", "CI_PIPELINE_URL");
        assertThat(v.names()).contains("CI_JOB_NAME", "CI_JOB_STAGE", "CI_PIPELINE_IID", "CI_COMMIT_BRANCH");
    }

    @Test
    void parallelJobsGetNodeIndex() {
        Variables v = facts(Ref.branch("main")).job(new Job("test 2/3", "test", 51, 2, 3, true)).forJob();
        assertThat(v.value("CI_NODE_INDEX")).isEqualTo("2");
        assertThat(v.value("CI_NODE_TOTAL")).isEqualTo("3");
        assertThat(v.value("CI_JOB_MANUAL")).isEqualTo("true");
        assertThat(v.value("CI_JOB_NAME_SLUG")).isEqualTo("test-2-3");
    }

    /** Commit description: only when the title is shorter than 100 characters. */
    @Test
    void longTitleKeepsTheWholeMessageAsDescription() {
        String message = "t".repeat(120) + "\nbody";
        Variables v = facts(Ref.branch("main")).commit(new Commit(SHA, null, message, "A <a@b>", WHEN)).forRules();
        assertThat(v.value("CI_COMMIT_DESCRIPTION")).isEqualTo(message);
        assertThat(v.value("CI_COMMIT_BEFORE_SHA")).isEqualTo(PredefinedVariables.NULL_SHA);
    }

    @Test
    void missingFactsLeaveVariablesUndefined() {
        Variables v = new PredefinedVariables().server(new Server("not a url", null)).forJob();
        assertThat(v.asMap()).containsOnlyKeys("CI", "GITLAB_CI", "CI_CONFIG_PATH", "CI_SERVER");
    }

    /** "CI/CD variables#Use CI/CD variables in other variables" with a predefined variable. */
    @Test
    void userVariablesReferringToPredefinedOnes() {
        Variables merged = VariableScope.merge(Map.of(
                VariableLayer.PREDEFINED, facts(Ref.branch("main")).forRules(),
                VariableLayer.JOB_YAML, Variables.of("A", "$B-suffix", "B", "$CI_COMMIT_REF_NAME")));
        Variables resolved = VariableExpander.resolveAll(merged, ExpansionPlace.GITLAB).variables();
        assertThat(resolved.value("A")).isEqualTo("main-suffix");
        VariableExpression rule = VariableExpression.parse("$A == \"main-suffix\" && $CI_COMMIT_BRANCH").expression();
        assertThat(rule.evaluate(resolved)).isTrue();
    }
}

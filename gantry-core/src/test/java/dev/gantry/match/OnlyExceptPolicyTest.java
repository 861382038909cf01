package dev.gantry.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.diag.SourceRange;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.match.OnlyExceptContext.RefType;
import dev.gantry.model.Condition.OnlyExcept;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs.gitlab.com "Deprecated keywords#only / except" and "Choose when to run jobs" (only/except
 * examples, "Combine multiple keywords with only or except", "Regular expressions").
 */
class OnlyExceptPolicyTest {

    private static final SourceRange AT = SourceRange.at(".gitlab-ci.yml", 5, 3);
    private static final String PROJECT = "gitlab-org/gitlab";

    private static OnlyExcept refs(String... refs) {
        return new OnlyExcept(List.of(refs), List.of(), List.of(), null, AT);
    }

    private static OnlyExceptContext branch(String name, String source) {
        return OnlyExceptContext.of(source, name, RefType.BRANCH, PROJECT);
    }

    private static OnlyExceptContext tag(String name) {
        return OnlyExceptContext.of("push", name, RefType.TAG, PROJECT);
    }

    private static OnlyExceptContext mergeRequest(String sourceBranch) {
        return OnlyExceptContext.of("merge_request_event", sourceBranch, RefType.MERGE_REQUEST, PROJECT);
    }

    /** "only:refs / except:refs": names, regexes, keywords, the default, and @project suffixes. */
    static Stream<Arguments> refCases() {
        OnlyExcept job1 = refs("main", "/^issue-.*$/", "merge_requests");
        OnlyExcept job2 = refs("main", "/^stable-branch.*$/", "schedules");
        return Stream.of(
                arguments(job1, null, branch("main", "push"), true),
                arguments(job1, null, branch("issue-42", "push"), true),
                arguments(job1, null, branch("feature", "push"), false),
                arguments(job1, null, mergeRequest("feature"), true),
                arguments(null, job2, branch("feature", "push"), true),
                arguments(null, job2, branch("main", "push"), false),
                arguments(null, job2, branch("stable-branch-1", "push"), false),
                arguments(null, job2, branch("feature", "schedule"), false),
                // No only, no except: only is [branches, tags].
                arguments(null, null, branch("feature", "push"), true),
                arguments(null, null, tag("v1.0"), true),
                arguments(null, null, mergeRequest("feature"), false),
                arguments(null, refs("main"), mergeRequest("feature"), false),
                // Scheduled pipelines run on branches, so only: branches includes them.
                arguments(refs("branches"), null, branch("main", "schedule"), true),
                arguments(refs("branches"), refs("schedules"), branch("main", "schedule"), false),
                arguments(refs("tags", "triggers", "schedules"), null, tag("v1"), true),
                arguments(refs("tags", "triggers", "schedules"), null, branch("main", "trigger"), true),
                arguments(refs("tags", "triggers", "schedules"), null, branch("main", "push"), false),
                arguments(refs("pushes"), null, tag("v1"), true),
                arguments(refs("web"), null, branch("main", "web"), true),
                arguments(refs("api"), null, branch("main", "web"), false),
                arguments(refs("pipelines"), null, branch("main", "pipeline"), true),
                arguments(refs("external_pull_requests"), null, branch("main", "external_pull_request_event"), true),
                arguments(refs("chat", "external"), null, branch("main", "external"), true),
                // Regexes: flags, partial matches, tag names, never merge requests.
                arguments(refs("/^issue-.*$/i"), null, branch("ISSUE-1", "push"), true),
                arguments(refs("/issue/"), null, branch("severe-issues", "push"), true),
                arguments(refs("/^issue/"), null, branch("severe-issues", "push"), false),
                arguments(refs("/^v\\d+/"), null, tag("v12"), true),
                arguments(refs("/^feature/"), null, mergeRequest("feature-x"), false),
                arguments(refs("/^release/.*$/"), null, branch("release/1.0", "push"), true),
                // "@" limits an entry to a project, compared literally.
                arguments(refs("branches@gitlab-org/gitlab"), null, branch("x", "push"), true),
                arguments(refs("branches@gitlab-org/gitlab"), null,
                        OnlyExceptContext.of("push", "x", RefType.BRANCH, "fork/gitlab"), false),
                arguments(refs("branches@gitlab-org/gitlab"), refs("main@gitlab-org/gitlab",
                        "/^release/.*$/@gitlab-org/gitlab"), branch("release/2", "push"), false),
                arguments(refs("branches@gitlab-org/gitlab"), refs("main@gitlab-org/gitlab"), branch("dev", "push"), true),
                arguments(refs("/^feat\\x40x$/"), null, branch("feat@x", "push"), true));
    }

    @ParameterizedTest(name = "[{index}] only {0} except {1} on {2}: {3}")
    @MethodSource("refCases")
    void refs(OnlyExcept only, OnlyExcept except, OnlyExceptContext ctx, boolean expected) {
        assertThat(OnlyExceptPolicy.compile(only, except).decide(ctx).passes()).isEqualTo(expected);
    }

    /** "only:variables / except:variables": any expression holding counts. */
    @Test
    void variables() {
        OnlyExcept only = new OnlyExcept(List.of(), List.of("$RELEASE == \"staging\"", "$STAGING"), List.of(), null, AT);
        OnlyExceptPolicy policy = OnlyExceptPolicy.compile(only, null);
        OnlyExceptContext ctx = branch("main", "push");
        assertThat(policy.decide(ctx.withVariables(Variables.of("RELEASE", "staging"))).passes()).isTrue();
        assertThat(policy.decide(ctx.withVariables(Variables.of("STAGING", "1"))).passes()).isTrue();
        assertThat(policy.decide(ctx.withVariables(Variables.of("RELEASE", "prod"))).passes()).isFalse();
        // only without refs does not bring back the [branches, tags] default.
        assertThat(policy.decide(mergeRequest("x").withVariables(Variables.of("STAGING", "1"))).passes()).isTrue();

        OnlyExcept except = new OnlyExcept(List.of(), List.of("$CI_COMMIT_MESSAGE =~ /skip-end-to-end-tests/"),
                List.of(), null, AT);
        OnlyExceptPolicy skip = OnlyExceptPolicy.compile(null, except);
        FilterDecision skipped = skip.decide(ctx.withVariables(Variables.of("CI_COMMIT_MESSAGE", "wip skip-end-to-end-tests")));
        assertThat(skipped.passes()).isFalse();
        assertThat(skipped.reason()).isEqualTo("except:variables expression '$CI_COMMIT_MESSAGE =~ "
                + "/skip-end-to-end-tests/' holds for branch 'main' (pipeline source push)");
        assertThat(skip.decide(ctx.withVariables(Variables.of("CI_COMMIT_MESSAGE", "fix"))).passes()).isTrue();
    }

    /** "Combine multiple keywords": only needs every key, except any key. */
    @Test
    void combinedKeys() {
        OnlyExcept only = new OnlyExcept(List.of("main", "schedules"), List.of("$CI_COMMIT_MESSAGE =~ /run-e2e/"),
                List.of(), "active", AT);
        OnlyExceptPolicy policy = OnlyExceptPolicy.compile(only, null);
        OnlyExceptContext ready = branch("main", "push").withVariables(Variables.of("CI_COMMIT_MESSAGE", "run-e2e"))
                .withKubernetesActive(true);
        assertThat(policy.decide(ready).passes()).isTrue();
        assertThat(policy.decide(ready.withKubernetesActive(false)).reason())
                .isEqualTo("only:kubernetes does not match branch 'main' (pipeline source push)");
        assertThat(policy.decide(ready.withVariables(Variables.empty())).passes()).isFalse();
        assertThat(policy.decide(OnlyExceptContext.of("push", "dev", RefType.BRANCH, PROJECT)
                .withVariables(Variables.of("CI_COMMIT_MESSAGE", "run-e2e")).withKubernetesActive(true)).passes())
                .isFalse();

        OnlyExcept except = new OnlyExcept(List.of("main"), List.of(), List.of("README.md"), null, AT);
        OnlyExceptPolicy exceptPolicy = OnlyExceptPolicy.compile(null, except);
        assertThat(exceptPolicy.decide(branch("main", "push").withChangedFiles(List.of("src/a"))).passes()).isFalse();
        assertThat(exceptPolicy.decide(branch("dev", "push").withChangedFiles(List.of("README.md"))).passes()).isFalse();
        assertThat(exceptPolicy.decide(branch("dev", "push").withChangedFiles(List.of("src/a"))).passes()).isTrue();
    }

    /** "only:changes / except:changes": globs, and unknown changes counting as a match. */
    @Test
    void changes() {
        OnlyExcept only = new OnlyExcept(List.of("branches"), List.of(), List.of("Dockerfile", "docker/scripts/*"),
                null, AT);
        OnlyExceptPolicy policy = OnlyExceptPolicy.compile(only, null);
        assertThat(policy.decide(branch("main", "push").withChangedFiles(List.of("docker/scripts/a.sh"))).passes()).isTrue();
        assertThat(policy.decide(branch("main", "push").withChangedFiles(List.of("src/a.go"))).passes()).isFalse();
        assertThat(policy.decide(branch("main", "schedule")).passes()).isTrue();
        OnlyExcept except = new OnlyExcept(List.of(), List.of(), List.of("*.md"), null, AT);
        assertThat(OnlyExceptPolicy.compile(null, except).decide(branch("new", "push")).passes()).isFalse();
    }

    @Test
    void mistakesAreReportedNotThrown() {
        OnlyExcept only = new OnlyExcept(List.of("/^(?!main)/"), List.of("$A == main"), List.of(), null, AT);
        OnlyExceptPolicy policy = OnlyExceptPolicy.compile(only, null);
        assertThat(policy.problems()).containsExactly(
                "ref '/^(?!main)/' is compared as a plain name: invalid regular expression: "
                        + "invalid or unsupported Perl syntax",
                "only:variables '$A == main': invalid expression syntax at character 7: unexpected 'main'; quote"
                        + " strings and write variables as $NAME");
        assertThat(policy.decide(branch("/^(?!main)/", "push").withVariables(Variables.of("A", "main"))).passes())
                .isFalse();
    }

    @Test
    void eachRefEntryCanBeCheckedAlone() {
        assertThat(OnlyExceptPolicy.refProblem("/[a-/")).startsWith("ref '/[a-/' is compared as a plain name: ");
        assertThat(OnlyExceptPolicy.refProblem("/^release-.*$/i")).isNull();
        assertThat(OnlyExceptPolicy.refProblem("main@group/project")).isNull();
        assertThat(OnlyExceptPolicy.refProblem(null)).isNull();
    }
}

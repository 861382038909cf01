package dev.gantry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Severity;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.match.OnlyExceptContext;
import dev.gantry.model.Format;
import dev.gantry.model.Pipeline;
import dev.gantry.model.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GitlabPlannerTest {

    private static Pipeline pipeline(String yaml) {
        SourceFiles files = new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.of(yaml);
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        };
        LoadResult r = PipelineLoader.load(".gitlab-ci.yml", files, Format.GITLAB);
        assertThat(r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)).isEmpty();
        return r.pipeline();
    }

    private static GitlabPipelineFacts facts(String branch, String... runVariables) {
        Variables predefined = Variables.of("CI_COMMIT_REF_NAME", branch, "CI_COMMIT_BRANCH", branch,
                "CI_PIPELINE_SOURCE", "push", "CI_DEFAULT_BRANCH", "main");
        return new GitlabPipelineFacts(OnlyExceptContext.of("push", branch, OnlyExceptContext.RefType.BRANCH, "g/p"),
                predefined, Variables.of(runVariables), () -> List.of("README.md", "src/a.java"));
    }

    private static GitlabPlan.Created created(String yaml) {
        return created(yaml, facts("main"));
    }

    private static GitlabPlan.Created created(String yaml, GitlabPipelineFacts facts) {
        GitlabPlan plan = GitlabPlanner.plan(pipeline(yaml), facts, Set.of(), false);
        assertThat(plan).isInstanceOf(GitlabPlan.Created.class);
        return (GitlabPlan.Created) plan;
    }

    private static Map<String, GitlabPlannedJob> byKey(GitlabPlan.Created plan) {
        return plan.jobs().stream().collect(Collectors.toMap(GitlabPlannedJob::key, Function.identity()));
    }

    private static List<String> keys(GitlabPlan.Created plan) {
        return plan.jobs().stream().map(GitlabPlannedJob::key).toList();
    }

    @Test
    void stageOrderMakesEveryJobOfEarlierStagesAPredecessorWithPreFirstAndPostLast() {
        GitlabPlan.Created plan = created("""
                stages: [build, test]
                cleanup: {stage: .post, script: [x]}
                lint: {stage: .pre, script: [x]}
                test: {stage: test, script: [x]}
                compile: {stage: build, script: [x]}
                package: {stage: build, script: [x]}
                """);
        assertThat(keys(plan)).containsExactly("lint", "compile", "package", "test", "cleanup");
        Map<String, GitlabPlannedJob> jobs = byKey(plan);
        assertThat(jobs.get("lint").planned().needs()).isEmpty();
        assertThat(jobs.get("compile").planned().needs()).containsExactly("lint");
        assertThat(jobs.get("test").planned().needs()).containsExactly("lint", "compile", "package");
        assertThat(jobs.get("cleanup").planned().needs()).containsExactly("lint", "compile", "package", "test");
        assertThat(jobs.get("test").dag()).isFalse();
        assertThat(jobs.get("test").artifactsFrom()).containsExactly("lint", "compile", "package");
    }

    @Test
    void needsReplaceStageOrderAndAnEmptyListStartsAtOnce() {
        GitlabPlan.Created plan = created("""
                stages: [build, test, deploy]
                a: {stage: build, script: [x]}
                b: {stage: build, script: [x]}
                t: {stage: test, needs: [a], script: [x]}
                early: {stage: deploy, needs: [], script: [x]}
                d: {stage: deploy, needs: [{job: t, artifacts: false}, {job: ghost, optional: true}], script: [x]}
                """);
        Map<String, GitlabPlannedJob> jobs = byKey(plan);
        assertThat(jobs.get("t").planned().needs()).containsExactly("a");
        assertThat(jobs.get("t").dag()).isTrue();
        assertThat(jobs.get("early").planned().needs()).isEmpty();
        assertThat(jobs.get("d").planned().needs()).containsExactly("t");
        assertThat(jobs.get("d").artifactsFrom()).isEmpty();
        assertThat(jobs.get("t").artifactsFrom()).containsExactly("a");
    }

    @Test
    void aNeedOnAJobItsRulesLeftOutRefusesThePipelineUnlessOptional() {
        String yaml = """
                a:
                  script: [x]
                  rules: [{if: '$NOPE'}]
                b: {needs: [%s], script: [x]}
                """;
        GitlabPlan refused = GitlabPlanner.plan(pipeline(yaml.formatted("a")), facts("main"), Set.of(), false);
        assertThat(refused).isInstanceOfSatisfying(GitlabPlan.Refused.class,
                r -> assertThat(r.message()).contains("job 'b' needs 'a'", "optional: true"));
        GitlabPlan.Created ok = created(yaml.formatted("{job: a, optional: true}"));
        assertThat(keys(ok)).containsExactly("b");
        assertThat(ok.jobs().get(0).planned().needs()).isEmpty();
    }

    @Test
    void parallelJobsAreNamedAsGitlabNamesThemAndNeedableOneByOneOrAll() {
        GitlabPlan.Created plan = created("""
                stages: [test, deploy, verify]
                unit: {stage: test, parallel: 3, script: [x]}
                deploy:
                  stage: deploy
                  parallel:
                    matrix:
                      - PROVIDER: [aws, gcp]
                        STACK: x
                  script: [x]
                one: {stage: verify, needs: ['deploy: [gcp, x]'], script: [x]}
                all: {stage: verify, needs: [deploy], script: [x]}
                """);
        assertThat(keys(plan)).containsExactly("unit 1/3", "unit 2/3", "unit 3/3", "deploy: [aws, x]",
                "deploy: [gcp, x]", "one", "all");
        Map<String, GitlabPlannedJob> jobs = byKey(plan);
        assertThat(jobs.get("unit 2/3").planned().legIndex()).isEqualTo(1);
        assertThat(jobs.get("unit 2/3").planned().legCount()).isEqualTo(3);
        assertThat(jobs.get("deploy: [gcp, x]").variables().value("PROVIDER")).isEqualTo("gcp");
        assertThat(jobs.get("deploy: [gcp, x]").variables().value("STACK")).isEqualTo("x");
        assertThat(jobs.get("one").planned().needs()).containsExactly("deploy: [gcp, x]");
        assertThat(jobs.get("all").planned().needs()).containsExactly("deploy: [aws, x]", "deploy: [gcp, x]");
        assertThat(jobs.get("deploy: [aws, x]").scheduling().failFast()).as("GitLab has no fail-fast").isFalse();
    }

    @Test
    void theFirstMatchingRuleDecidesWhenAllowFailureVariablesAndNeeds() {
        GitlabPlan.Created plan = created("""
                stages: [build, test]
                build: {stage: build, script: [x]}
                other: {stage: build, script: [x]}
                job:
                  stage: test
                  variables: {LEVEL: job, KEEP: kept}
                  script: [x]
                  rules:
                    - if: '$CI_COMMIT_BRANCH == "dev"'
                      when: never
                    - if: '$CI_COMMIT_BRANCH == "main"'
                      when: manual
                      variables: {LEVEL: rule}
                      needs: [build]
                    - when: always
                skipped:
                  stage: test
                  script: [x]
                  rules: [{if: '$CI_COMMIT_BRANCH == "dev"'}]
                never:
                  stage: test
                  script: [x]
                  rules: [{when: never}]
                """);
        assertThat(keys(plan)).containsExactly("build", "other", "job");
        GitlabPlannedJob job = byKey(plan).get("job");
        assertThat(job.when()).isEqualTo(When.MANUAL);
        assertThat(job.allowFailure().allowed()).as("when: manual from rules defaults to allow_failure false").isFalse();
        assertThat(job.gateRule(false).blocking()).isTrue();
        assertThat(job.variables().value("LEVEL")).isEqualTo("rule");
        assertThat(job.variables().value("KEEP")).isEqualTo("kept");
        assertThat(job.planned().needs()).containsExactly("build");
    }

    @Test
    void aJobLevelManualJobIsAllowedToFailAndDoesNotBlock() {
        GitlabPlannedJob job = created("manual: {script: [x], when: manual}").jobs().get(0);
        assertThat(job.when()).isEqualTo(When.MANUAL);
        assertThat(job.gateRule(false).blocking()).isFalse();
    }

    @Test
    void workflowRulesWithoutAMatchCreateNoPipelineAndSayWhatWasTried() {
        String yaml = """
                workflow:
                  rules:
                    - if: '$CI_PIPELINE_SOURCE == "schedule"'
                    - if: '$CI_COMMIT_BRANCH == "release"'
                      variables: {TARGET: release}
                j: {script: [x]}
                """;
        GitlabPlan plan = GitlabPlanner.plan(pipeline(yaml), facts("main"), Set.of(), false);
        assertThat(plan).isInstanceOfSatisfying(GitlabPlan.NoPipeline.class, n -> {
            assertThat(n.tried()).hasSize(2);
            assertThat(n.tried().get(0)).contains("$CI_PIPELINE_SOURCE == \"schedule\"", "is false");
        });
        GitlabPlan.Created release = created(yaml, facts("release"));
        assertThat(release.workflowVariables().value("TARGET")).isEqualTo("release");
        assertThat(release.jobs().get(0).variables().value("TARGET")).isEqualTo("release");
    }

    @Test
    void workflowVariablesOverrideGlobalsAndJobVariablesOverrideBoth() {
        GitlabPlan.Created plan = created("""
                variables: {A: global, B: global}
                workflow:
                  rules:
                    - variables: {A: workflow, B: workflow}
                j:
                  variables: {B: job}
                  script: [x]
                """);
        GitlabPlannedJob j = plan.jobs().get(0);
        assertThat(j.variables().value("A")).isEqualTo("workflow");
        assertThat(j.variables().value("B")).isEqualTo("job");
    }

    @Test
    void rulesSeePipelineVariablesAndExistsAndInheritVariablesFilters() {
        GitlabPlan.Created plan = created("""
                variables: {G1: one, G2: two}
                byVar:
                  script: [x]
                  rules: [{if: '$DEPLOY == "yes"'}]
                byFile:
                  script: [x]
                  rules: [{exists: ['src/*.java']}]
                noFile:
                  script: [x]
                  rules: [{exists: ['*.py']}]
                picky:
                  script: [x]
                  inherit: {variables: [G2]}
                """, facts("main", "DEPLOY", "yes"));
        assertThat(keys(plan)).containsExactly("byVar", "byFile", "picky");
        Variables picky = byKey(plan).get("picky").variables();
        assertThat(picky.isDefined("G1")).isFalse();
        assertThat(picky.value("G2")).isEqualTo("two");
    }

    @Test
    void onlyAndExceptDecideForJobsWithoutRules() {
        GitlabPlan.Created plan = created("""
                tagsOnly: {script: [x], only: [tags]}
                notMain: {script: [x], except: [main]}
                plain: {script: [x]}
                """);
        assertThat(keys(plan)).containsExactly("plain");
    }

    @Test
    void aDelayedJobCarriesItsStartIn() {
        GitlabPlannedJob j = created("later: {script: [x], when: delayed, start_in: 2 minutes}").jobs().get(0);
        assertThat(j.when()).isEqualTo(When.DELAYED);
        assertThat(j.planned().startIn()).isEqualTo(Duration.ofMinutes(2));
        assertThat(j.scheduling().startIn()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void dependenciesChooseWhoseArtifactsArriveAndAnEmptyListNone() {
        Map<String, GitlabPlannedJob> jobs = byKey(created("""
                stages: [build, test]
                a: {stage: build, script: [x]}
                b: {stage: build, script: [x]}
                onlyB: {stage: test, dependencies: [b], script: [x]}
                none: {stage: test, dependencies: [], script: [x]}
                """));
        assertThat(jobs.get("onlyB").artifactsFrom()).containsExactly("b");
        assertThat(jobs.get("onlyB").planned().needs()).containsExactly("a", "b");
        assertThat(jobs.get("none").artifactsFrom()).isEmpty();
    }

    @Test
    void aDependencyOfTheSameStageGivesArtifactsOnlyWhenAlsoNeeded() {
        Map<String, GitlabPlannedJob> jobs = byKey(created("""
                stages: [build, test]
                a: {stage: test, script: [x]}
                b: {stage: build, script: [x]}
                unneeded: {stage: test, dependencies: [a, b], script: [x]}
                needed: {stage: test, needs: [a], dependencies: [a, b], script: [x]}
                """));
        assertThat(jobs.get("unneeded").artifactsFrom()).containsExactly("b");
        assertThat(jobs.get("unneeded").planned().needs()).containsExactly("b");
        assertThat(jobs.get("needed").artifactsFrom()).containsExactly("a");
    }

    @Test
    void selectingAJobDropsOrFollowsItsPredecessors() {
        Pipeline p = pipeline("""
                stages: [build, test]
                a: {stage: build, script: [x]}
                t: {stage: test, script: [x]}
                """);
        GitlabPlan alone = GitlabPlanner.plan(p, facts("main"), Set.of("t"), false);
        assertThat(((GitlabPlan.Created) alone).jobs()).singleElement()
                .satisfies(j -> assertThat(j.planned().needs()).isEmpty());
        GitlabPlan with = GitlabPlanner.plan(p, facts("main"), Set.of("t"), true);
        assertThat(((GitlabPlan.Created) with).jobs()).extracting(GitlabPlannedJob::key).containsExactly("a", "t");
        assertThat(GitlabPlanner.plan(p, facts("main"), Set.of("zzz"), false)).isInstanceOf(GitlabPlan.Refused.class);
    }

    @Test
    void changedFilesAreNeededOnlyWhenARuleOrOnlyExceptTestsThem() {
        assertThat(GitlabPlanner.usesChanges(pipeline("a:\n  script: [x]\n  rules:\n    - if: $CI\n"))).isFalse();
        assertThat(GitlabPlanner.usesChanges(pipeline("a:\n  script: [x]\n  rules:\n    - changes: [src/**]\n")))
                .isTrue();
        assertThat(GitlabPlanner.usesChanges(pipeline("a:\n  script: [x]\n  only:\n    changes: [docs/*]\n")))
                .isTrue();
        assertThat(GitlabPlanner.usesChanges(pipeline(
                "workflow:\n  rules:\n    - changes: [x]\na:\n  script: [x]\n"))).isTrue();
    }

    private static final String INCLUDE_BY_FLAG = """
            variables:
              FLAG: "yes"
            include:
              - local: extra.yml
                rules:
                  - if: $FLAG == "yes"
            main: {script: [x]}
            """;

    private static Pipeline withExtra(String yaml) {
        Map<String, String> tree = Map.of(".gitlab-ci.yml", yaml, "extra.yml", "extra: {script: [x]}\n");
        SourceFiles files = new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(tree.get(path));
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        };
        return PipelineLoader.load(".gitlab-ci.yml", files, Format.GITLAB).pipeline();
    }

    @Test
    void includeRulesSeeThePipelinesVariablesButNotTheYamlsGlobalOnes() {
        // "You cannot use variables defined in jobs, or in a global variables section" (includes, Use variables
        // with include): the global FLAG does not take extra.yml in, a pipeline variable does.
        Pipeline p = withExtra(INCLUDE_BY_FLAG);
        assertThat(keys((GitlabPlan.Created) GitlabPlanner.plan(p, facts("main"), Set.of(), false)))
                .containsExactly("main");
        assertThat(keys((GitlabPlan.Created) GitlabPlanner.plan(p, facts("main", "FLAG", "yes"), Set.of(), false)))
                .containsExactly("extra", "main");
        assertThat(GitlabPlanner.usesChanges(withExtra("include:\n  - local: extra.yml\n    rules:\n"
                + "      - changes: [x]\nmain: {script: [x]}\n"))).isTrue();
    }
}

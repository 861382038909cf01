package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run .gitlab-ci.yml} with real bash processes, through the CLI entry point. Each case
 * is a place where local runners were reported to diverge from GitLab (issue 5).
 */
class GitlabRunIT {

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    private static String status(GantryProcess.Outcome o, String job) {
        return o.job(job).get("status").asText();
    }

    @Test
    void aMatrixMakesJobsNamedAsGitlabDoesAndOneOfThemCanBeNeededAlone() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                stages: [deploy, verify]
                deploy:
                  stage: deploy
                  parallel:
                    matrix:
                      - PROVIDER: [aws, gcp]
                        STACK: [x]
                  script:
                    - echo "name=$CI_JOB_NAME provider=$PROVIDER stack=$STACK index=$CI_NODE_INDEX/$CI_NODE_TOTAL"
                    - test "$PROVIDER" != aws
                check:
                  stage: verify
                  needs: ['deploy: [gcp, x]']
                  script:
                    - echo "check ran"
                """).commit().run();
        assertThat(o.jobKeys()).containsExactly("deploy: [aws, x]", "deploy: [gcp, x]", "check");
        assertThat(o.out()).contains("name=deploy: [aws, x] provider=aws stack=x index=1/2",
                "name=deploy: [gcp, x] provider=gcp stack=x index=2/2", "check ran");
        assertThat(status(o, "deploy: [aws, x]")).isEqualTo("failed");
        assertThat(status(o, "check")).as("it needs only the gcp job, which passed").isEqualTo("passed");
        assertThat(o.exit()).isEqualTo(1);
    }

    @Test
    void variablesExpandNestedReferencesEscapedDollarsAndRawValuesAsGitlabDoes() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                variables:
                  A: $B-suffix
                  B: $CI_COMMIT_REF_NAME
                  C: $$HOME
                  D:
                    value: "$X"
                    expand: false
                  X: expanded
                job:
                  script:
                    - echo "A=$A"
                    - echo "C=$C"
                    - echo "D=$D"
                    - echo "token=$TOKEN"
                    - echo "config file holds $(cat "$CONFIG")"
                """).commit().run("--secret", "TOKEN=s3cr3t-value", "--file-var", "CONFIG=from-a-file");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("A=main-suffix", "C=$HOME", "D=$X", "token=***",
                "config file holds from-a-file").doesNotContain("s3cr3t-value");
        assertThat(o.json().toString()).doesNotContain("s3cr3t-value");
    }

    private static final String EXIT_CODES = """
            stages: [test, deploy]
            flaky:
              stage: test
              script:
                - exit $CODE
              allow_failure:
                exit_codes: [3]
            publish:
              stage: deploy
              script:
                - echo "publish ran"
            """;

    @Test
    void anAllowedExitCodeLetsLaterStagesRunAndThePipelinePass() throws Exception {
        GantryProcess.Outcome o = repo().gitlab(EXIT_CODES).commit().run("--variable", "CODE=3");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(status(o, "flaky")).isEqualTo("allowed to fail");
        assertThat(status(o, "publish")).isEqualTo("passed");
        assertThat(o.out()).contains("publish ran", "allowed to fail");
    }

    @Test
    void anotherExitCodeFailsTheJobAndThePipeline() throws Exception {
        GantryProcess.Outcome o = repo().gitlab(EXIT_CODES).commit().run("--variable", "CODE=4");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(status(o, "flaky")).isEqualTo("failed");
        assertThat(status(o, "publish")).isEqualTo("skipped");
        assertThat(o.out()).contains("ERROR: Job failed: exit code 4").doesNotContain("publish ran");
    }

    @Test
    void aFailingCommandStopsTheScriptAndAfterScriptRunsInAFreshShellWithTheStatus() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                job:
                  before_script:
                    - export STATE=set-in-script
                  script:
                    - echo "before the failure, state=$STATE"
                    - cat missing-file.txt
                    - echo "line after the failure"
                  after_script:
                    - echo "status=$CI_JOB_STATUS state=[${STATE:-}]"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(status(o, "job")).isEqualTo("failed");
        assertThat(o.out()).contains("$ export STATE=set-in-script", "$ cat missing-file.txt", "before the failure, state=set-in-script",
                "status=failed state=[]").doesNotContain("line after the failure");
    }

    @Test
    void afterAFailedStageOnFailureAndAlwaysJobsRunAndOnSuccessJobsAreSkipped() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                stages: [build, test, cleanup]
                build:
                  stage: build
                  script: [exit 1]
                test:
                  stage: test
                  script: [echo "test ran"]
                notify:
                  stage: test
                  when: on_failure
                  script: [echo "notify ran"]
                tidy:
                  stage: cleanup
                  when: always
                  script: [echo "tidy ran"]
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(status(o, "build")).isEqualTo("failed");
        assertThat(status(o, "test")).isEqualTo("skipped");
        assertThat(status(o, "notify")).isEqualTo("passed");
        assertThat(status(o, "tidy")).isEqualTo("passed");
        assertThat(o.out()).contains("notify ran", "tidy ran").doesNotContain("test ran");
    }

    @Test
    void aJobWithEmptyDependenciesSeesNoArtifactsAndNoOtherJobsFiles() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                stages: [build, test]
                build:
                  stage: build
                  script:
                    - echo data > built.txt
                    - echo scratch > scratch.txt
                  artifacts:
                    paths: [built.txt]
                receiver:
                  stage: test
                  script:
                    - echo "receiver reads $(cat built.txt)"
                    - test -e scratch.txt && echo "receiver sees scratch.txt" || echo "receiver has no scratch.txt"
                isolated:
                  stage: test
                  dependencies: []
                  script:
                    - test -e built.txt && echo "isolated sees built.txt" || echo "isolated has no built.txt"
                    - test -e scratch.txt && echo "isolated sees scratch.txt" || echo "isolated has no scratch.txt"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("receiver reads data", "receiver has no scratch.txt", "isolated has no built.txt",
                "isolated has no scratch.txt");
    }

    @Test
    void untrackedArtifactsAreTheFilesTheJobMadeNotTheProjectsOwn() throws Exception {
        GantryProcess.Outcome o = repo().file("committed.txt", "in git\n").gitlab("""
                stages: [build, test]
                build:
                  stage: build
                  script:
                    - echo made > made.txt
                  artifacts:
                    untracked: true
                check:
                  stage: test
                  dependencies: [build]
                  script:
                    - echo "made=$(cat made.txt)"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("made=made", "1 files uploaded");
    }

    @Test
    void jobsOfOneResourceGroupRunOneAtATime() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                .deploy:
                  resource_group: production
                  script:
                    - echo "start $CI_JOB_NAME"
                    - sleep 0.5
                    - echo "end $CI_JOB_NAME"
                deploy-a:
                  extends: .deploy
                deploy-b:
                  extends: .deploy
                """).commit().run("--max-parallel", "4");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        String out = o.out();
        int startA = out.indexOf("start deploy-a");
        int endA = out.indexOf("end deploy-a");
        int startB = out.indexOf("start deploy-b");
        assertThat(startA).isPositive();
        assertThat(startB).as("deploy-b starts after deploy-a ended").isGreaterThan(endA);
    }

    @Test
    void changesCompareToLooksAtEveryCommitSinceThatRef() throws Exception {
        GantryProcess repo = repo().gitlab("""
                docs:
                  script: [echo "docs job ran"]
                  rules:
                    - changes:
                        paths: [docs/**]
                        compare_to: main
                src:
                  script: [echo "src job ran"]
                  rules:
                    - changes:
                        paths: [lib/**]
                        compare_to: main
                """).file("src/a.txt", "1").commit();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.resolve("repo").toFile())) {
            git.checkout().setCreateBranch(true).setName("feature").call();
        }
        repo.file("docs/guide.md", "words").commit().file("src/a.txt", "2").commit();

        GantryProcess.Outcome o = repo.run();

        assertThat(o.out()).as("docs/ changed two commits ago, after main")
                .contains("docs job ran").doesNotContain("src job ran");
        assertThat(o.exit()).isZero();

        GantryProcess.Outcome bad = repo.gitlab("""
                job:
                  script: [echo "job ran"]
                  rules:
                    - changes:
                        paths: ['**']
                        compare_to: no-such-branch
                """).commit().run();
        assertThat(bad.exit()).as("GitLab refuses to create the pipeline").isEqualTo(2);
        assertThat(bad.err()).contains("rules:changes:compare_to 'no-such-branch' is not a valid ref");
    }

    @Test
    void workflowRuleVariablesReachEveryJobAndJobRuleVariablesOverrideTheJobsOwn() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                variables:
                  LEVEL: global
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == "main"
                      variables:
                        LEVEL: workflow
                        TARGET: production
                one:
                  script: ['echo "one: $LEVEL $TARGET"']
                two:
                  variables:
                    TARGET: job
                  rules:
                    - if: $CI_COMMIT_BRANCH == "main"
                      variables:
                        TARGET: rule
                  script: ['echo "two: $LEVEL $TARGET"']
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("one: workflow production", "two: workflow rule");
    }

    @Test
    void aJunitReportIsSummedUpWithItsFailingTestAndCoverageIsTheLastMatch() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                test:
                  script:
                    - 'echo "Total: 12.5%"'
                    - 'echo "Total: 84.20%"'
                    - |
                      cat > report.xml <<'XML'
                      <testsuite name="calc" tests="3">
                        <testcase classname="CalcTest" name="adds" time="0.1"/>
                        <testcase classname="CalcTest" name="divides" time="0.2"><failure message="boom">2</failure></testcase>
                        <testcase classname="CalcTest" name="subtracts" time="0.1"/>
                      </testsuite>
                      XML
                  coverage: '/Total: (\\d+\\.\\d+)%/'
                  artifacts:
                    reports:
                      junit: report.xml
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.job("test").get("coverage").asText()).isEqualTo("84.20");
        String summary = o.out().substring(o.out().indexOf("Summary of test"));
        assertThat(summary).contains("3 tests, 1 failed", "CalcTest.divides");
        assertThat(o.out()).contains("84.20%");
    }

    @Test
    void aCacheIsRestoredByItsExactKeyOrAFallbackKeyAndTheLastSaveWins() throws Exception {
        System.setProperty("gantry.cache.dir", dir.resolve("cache-store").toString());
        try {
            GantryProcess repo = repo().gitlab("""
                    job:
                      cache:
                        key: deps-$KEY
                        fallback_keys: [deps-main]
                        paths: [deps/]
                      script:
                        - echo "restored=[$(cat deps/v 2>/dev/null | tr '\\n' ' ')]"
                        - mkdir -p deps && echo "$KEY" >> deps/v
                    """).commit();
            assertThat(repo.run("--variable", "KEY=main").out()).contains("restored=[]", "Created cache deps-main");
            assertThat(repo.run("--variable", "KEY=mai").out())
                    .as("deps-mai is no prefix match of deps-main for GitLab: the fallback key restores it")
                    .contains("Checking cache for deps-mai...", "Successfully extracted cache deps-main",
                            "restored=[main ]");
            assertThat(repo.run("--variable", "KEY=main").out()).as("the exact key, not the newer deps-mai")
                    .contains("restored=[main ]");
            assertThat(repo.run("--variable", "KEY=main").out()).as("the last save of deps-main replaced it")
                    .contains("restored=[main main ]");
        } finally {
            System.clearProperty("gantry.cache.dir");
        }
    }

    @Test
    void anIncludeWhoseRulesDoNotMatchContributesNothingAndNeedNotExist() throws Exception {
        // firecow/gitlab-ci-local#1011: the template of the left-out file replaced the one the job extends.
        GantryProcess repo = repo().gitlab("""
                variables:
                  ENABLED_REWRITE: "true"
                include:
                  - local: scripts/job.yml
                  - local: scripts/rewrite.yml
                    rules:
                      - if: $ENABLED_REWRITE == "true"
                  - local: scripts/release.yml
                    rules:
                      - if: $CI_COMMIT_TAG
                some_job:
                  extends: [.job]
                  after_script:
                    - echo "FROM_REWRITE=[$FROM_REWRITE]"
                """).file("scripts/job.yml", ".job:\n  script: [echo \"job template\"]\n")
                .file("scripts/rewrite.yml", ".job:\n  script: [echo \"rewrite template\"]\n"
                        + "variables:\n  FROM_REWRITE: \"yes\"\n").commit();

        GantryProcess.Outcome o = repo.run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).as("the global ENABLED_REWRITE is not seen by include rules")
                .contains("job template", "FROM_REWRITE=[]").doesNotContain("rewrite template");

        GantryProcess.Outcome asked = repo.run("--variable", "ENABLED_REWRITE=true");
        assertThat(asked.out()).as(asked.err()).contains("rewrite template", "FROM_REWRITE=[yes]");
    }

    @Test
    void anEnvironmentGetsItsSlugFromTheExpandedNameAndItsUrlCanUseIt() throws Exception {
        // firecow/gitlab-ci-local#1451: "url: http://${CI_ENVIRONMENT_SLUG}.local" lost the slug.
        GantryProcess.Outcome o = repo().gitlab("""
                deploy:
                  environment:
                    name: review/$CI_COMMIT_REF_SLUG
                    url: https://${CI_ENVIRONMENT_SLUG}.example.com
                  script:
                    - echo "name=$CI_ENVIRONMENT_NAME slug=$CI_ENVIRONMENT_SLUG url=$CI_ENVIRONMENT_URL"
                prod:
                  environment: production
                  script:
                    - echo "prod slug=$CI_ENVIRONMENT_SLUG"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).containsPattern(
                "name=review/main slug=(review-main-[0-9a-z]{6}) url=https://\\1\\.example\\.com")
                .contains("prod slug=production");
    }

    @Test
    void aTagPipelineHasTheAnnotatedTagsMessage() throws Exception {
        GantryProcess repo = repo().gitlab("""
                release:
                  rules:
                    - if: $CI_COMMIT_TAG
                  script:
                    - echo "tag=$CI_COMMIT_TAG message=[$CI_COMMIT_TAG_MESSAGE]"
                """).commit();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.resolve("repo").toFile())) {
            git.tag().setName("v1.0").setAnnotated(true).setMessage("First release\n")
                    .setTagger(new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.com")).setSigned(false).call();
        }

        GantryProcess.Outcome o = repo.run("--ref", "v1.0");

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("tag=v1.0 message=[First release]");
    }

    @Test
    void withRefThePipelineAndItsIncludesComeFromThatRevision() throws Exception {
        GantryProcess repo = repo().gitlab("""
                include: [local: ci/jobs.yml]
                """).file("ci/jobs.yml", "job:\n  script: [echo \"included v1\"]\n").commit();
        repo.file("ci/jobs.yml", "job:\n  script: [echo \"included v2\"]\n").commit();

        GantryProcess.Outcome o = repo.run("--ref", "HEAD~1");

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("included v1").doesNotContain("included v2");
    }

    @Test
    void pipelineInputsFromTheCommandLineFillTheMainFilesSpecWithTheirTypes() throws Exception {
        GantryProcess repo = repo().gitlab("""
                spec:
                  inputs:
                    env:
                      default: dev
                      options: [dev, prod]
                    replicas:
                      type: number
                      default: 1
                ---
                deploy-$[[ inputs.env ]]:
                  script:
                    - echo "env=$[[ inputs.env ]] replicas=$[[ inputs.replicas ]]"
                """).commit();

        GantryProcess.Outcome defaults = repo.run();
        assertThat(defaults.jobKeys()).containsExactly("deploy-dev");
        assertThat(defaults.out()).contains("env=dev replicas=1");

        GantryProcess.Outcome given = repo.run("-i", "env=prod", "-i", "replicas=3");
        assertThat(given.exit()).as(given.out() + given.err()).isZero();
        assertThat(given.jobKeys()).containsExactly("deploy-prod");
        assertThat(given.out()).contains("env=prod replicas=3");

        GantryProcess.Outcome wrong = repo.run("-i", "replicas=many", "-i", "env=staging");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("(command line)", "replicas", "staging");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run .gitlab-ci.yml} where users of another local runner (gitlab-ci-local) reported
 * that it behaved differently from GitLab; each case asserts what GitLab documents or does.
 */
class GitlabDivergencesIT {

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    /** gitlab-ci-local #1561: GitLab refuses the pipeline ("job:rules config can't be blank"). */
    @Test
    void anEmptyRulesListRefusesThePipelineInsteadOfLeavingTheJobOut() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                job:
                  rules: []
                  script:
                    - echo "Heya"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(2);
        assertThat(o.err()).contains(".gitlab-ci.yml:2:10", "'rules' of job 'job' is empty");
        assertThat(o.out()).doesNotContain("Heya");
    }

    /** "CI/CD variables": an unquoted 012345 is octal to GitLab's YAML parser, so the value is 5349. */
    @Test
    void unquotedNumbersInVariablesHaveTheValuesGitlabsYamlParserGives() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                variables:
                  VAR1: 012345
                  VAR2: "012345"
                  VAR3: 019
                job:
                  variables:
                    MODE: 0755
                  script:
                    - echo "VAR1=$VAR1 VAR2=$VAR2 VAR3=$VAR3 MODE=$MODE"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("VAR1=5349 VAR2=012345 VAR3=019 MODE=493");
    }

    /**
     * GitLab reads the file with a YAML 1.1 parser: {@code allow_failure: yes} is a boolean, and a
     * variable takes the text of the value ("CI/CD variables"; merge request 146503 lets booleans and
     * floats be values): {@code on} is {@code true}, {@code 3.10} is {@code 3.1}.
     */
    @Test
    void yaml11BooleansAndFloatsMeanWhatTheyMeanToGitlab() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                variables:
                  DEBUG: on
                  PYTHON: 3.10
                  QUOTED: "3.10"
                flaky:
                  allow_failure: yes
                  script:
                    - echo "DEBUG=$DEBUG PYTHON=$PYTHON QUOTED=$QUOTED"
                    - exit 1
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("DEBUG=true PYTHON=3.1 QUOTED=3.10");
    }

    /**
     * gitlab-ci-local #780 and "Use variables with include": a local include path may use predefined
     * and pipeline variables (here {@code --variable}); the YAML's own are not known yet.
     */
    @Test
    void aLocalIncludePathIsExpandedWithPredefinedAndPipelineVariables() throws Exception {
        GantryProcess repo = repo().gitlab("""
                variables:
                  FROM_YAML: nope
                include:
                  - local: 'ci/$CI_COMMIT_REF_NAME.yml'
                  - local: 'ci/${TARGET}.yml'
                root:
                  script:
                    - echo "root ran"
                """).file("ci/main.yml", """
                from-branch:
                  script:
                    - echo "branch file ran"
                """).file("ci/extra.yml", """
                from-pipeline-variable:
                  script:
                    - echo "pipeline variable file ran"
                """).commit();
        GantryProcess.Outcome o = repo.run("--variable", "TARGET=extra");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.jobKeys()).containsExactlyInAnyOrder("from-branch", "from-pipeline-variable", "root");
        assertThat(o.out()).contains("branch file ran", "pipeline variable file ran");

        GantryProcess.Outcome missing = repo.run("--variable", "TARGET=absent");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("'ci/${TARGET}.yml' ('ci/absent.yml' here) does not exist");
    }

    /**
     * "Control how jobs run#Types of manual jobs": a manual job from {@code rules} has
     * {@code allow_failure: false}; not played, it blocks what waits for it (in stage order and through
     * {@code needs}, even {@code when: always}) and the pipeline is blocked, not passed. An optional
     * manual job ({@code when: manual} outside rules) blocks nothing.
     */
    @Test
    void aBlockingManualJobThatIsNotPlayedBlocksThePipeline() throws Exception {
        GantryProcess repo = repo().gitlab("""
                stages: [build, deploy, after]
                build:
                  stage: build
                  script: [echo built]
                approve:
                  stage: deploy
                  rules:
                    - when: manual
                  script: [echo approved]
                optional:
                  stage: deploy
                  when: manual
                  script: [echo optional]
                later:
                  stage: after
                  script: [echo later ran]
                verify:
                  stage: after
                  needs: [later]
                  when: always
                  script: [echo verify ran]
                docs:
                  stage: after
                  needs: [build]
                  script: [echo docs ran]
                """).commit();
        GantryProcess.Outcome o = repo.run();
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(o.out()).contains("docs ran").doesNotContain("later ran", "verify ran", "approved");
        assertThat(o.job("approve").get("status").asText()).isEqualTo("manual");
        assertThat(o.job("approve").get("reason").asText()).contains("blocks the pipeline", "--manual 'approve'");
        assertThat(o.job("later").get("status").asText()).isEqualTo("created");
        assertThat(o.job("later").get("reason").asText()).isEqualTo("blocked by the manual job 'approve' (allow_failure: false)");
        assertThat(o.job("verify").get("status").asText()).isEqualTo("created");
        assertThat(o.json().get("success").asBoolean()).isFalse();
        assertThat(o.json().get("blockedBy").toString()).isEqualTo("[\"approve\"]");
        assertThat(o.out()).contains("Run blocked: the manual job 'approve' (allow_failure: false) was not played;"
                + " play it with --manual 'approve'");

        GantryProcess.Outcome played = repo.run("--manual", "approve");
        assertThat(played.exit()).as(played.out() + played.err()).isZero();
        assertThat(played.out()).contains("approved", "later ran", "verify ran", "Run succeeded");
    }

    /**
     * "Specify when jobs run with rules#Jobs or pipelines run unexpectedly when using changes" and
     * "CI/CD YAML syntax reference#rules:changes": a tag pipeline has no Git push to compare with, so
     * {@code changes} is always true there; a branch pipeline compares with the previous commit.
     */
    @Test
    void changesIsAlwaysTrueInATagPipeline() throws Exception {
        GantryProcess repo = repo().gitlab("""
                docs:
                  rules:
                    - changes: [docs/**]
                  script: [echo docs ran]
                src:
                  rules:
                    - changes: [src/**]
                  script: [echo src ran]
                """).file("docs/a.md", "a").commit().file("src/b.txt", "b").commit().tag("v1");
        GantryProcess.Outcome branch = repo.run();
        assertThat(branch.exit()).as(branch.out() + branch.err()).isZero();
        assertThat(branch.jobKeys()).containsExactly("src");

        GantryProcess.Outcome tag = repo.run("--ref", "v1");
        assertThat(tag.exit()).as(tag.out() + tag.err()).isZero();
        assertThat(tag.jobKeys()).containsExactlyInAnyOrder("docs", "src");
    }

    /**
     * "CI/CD YAML syntax reference#tags" and "Hosted runners on Windows"/"on macOS": the tags pick a
     * runner of another system, so the job is skipped here with the reason (as a GitHub job whose
     * {@code runs-on} names another system); what needs it is skipped too, later stages still run.
     * Tags are expanded with the job's variables first (a matrix of runner tags).
     */
    @Test
    void aJobTaggedForAnotherSystemsRunnerIsSkippedWithTheReason() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                stages: [build, test]
                windows:
                  stage: build
                  tags: [saas-windows-medium-amd64]
                  script: [echo windows ran]
                mac:
                  stage: build
                  tags: [macos]
                  script: [echo mac ran]
                build:
                  stage: build
                  parallel:
                    matrix:
                      - RUNNER: [saas-linux-medium-amd64, shared-windows]
                  tags: [$RUNNER]
                  script: [echo "build on $RUNNER ran"]
                package:
                  stage: test
                  needs: [windows]
                  script: [echo package ran]
                test:
                  stage: test
                  script: [echo test ran]
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("build on saas-linux-medium-amd64 ran", "test ran")
                .doesNotContain("windows ran", "mac ran", "build on shared-windows ran", "package ran");
        assertThat(o.job("windows").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("windows").get("reason").asText()).isEqualTo("tags 'saas-windows-medium-amd64' asks for a"
                + " Windows runner and this machine runs Linux (gantry runs jobs on this machine only;"
                + " -P saas-windows-medium-amd64=host runs it here anyway)");
        assertThat(o.job("mac").get("reason").asText()).startsWith("tags 'macos' asks for a macOS runner");
        assertThat(o.job("build: [shared-windows]").get("reason").asText())
                .startsWith("tags 'shared-windows' asks for a Windows runner");
        assertThat(o.job("package").get("status").asText()).isEqualTo("skipped");
    }

    /**
     * "CI/CD YAML syntax reference#rules:changes": in a merge request pipeline {@code changes}
     * compares the changes with the target branch (here the default branch), so a file changed by an
     * earlier commit of the branch counts, not only the last commit's.
     */
    @Test
    void changesInAMergeRequestPipelineAreTheBranchsAgainstTheTargetBranch() throws Exception {
        GantryProcess repo = repo().gitlab("""
                docs:
                  rules:
                    - changes: [docs/**]
                  script: [echo docs ran]
                src:
                  rules:
                    - changes: [src/**]
                  script: [echo src ran]
                other:
                  rules:
                    - changes: [other/**]
                  script: [echo other ran]
                """).file("other/x.txt", "x").commit().branch("feature")
                .file("docs/a.md", "a").commit().file("src/b.txt", "b").commit();
        GantryProcess.Outcome push = repo.run();
        assertThat(push.exit()).as(push.out() + push.err()).isZero();
        assertThat(push.jobKeys()).containsExactly("src");

        GantryProcess.Outcome mr = repo.run("-e", "merge_request_event");
        assertThat(mr.exit()).as(mr.out() + mr.err()).isZero();
        assertThat(mr.jobKeys()).containsExactlyInAnyOrder("docs", "src");
    }

    /**
     * "Specify when jobs run with rules#Jobs or pipelines run unexpectedly when using changes": the
     * first push of a branch has nothing to compare with, so {@code changes} is always true; a branch
     * the remote already has compares with the previous commit ({@code git diff HEAD~}). A branch is
     * new when the repository has an {@code origin} remote without that branch.
     */
    @Test
    void changesIsAlwaysTrueForTheFirstPushOfABranch() throws Exception {
        GantryProcess repo = repo().gitlab("""
                docs:
                  rules:
                    - changes: [docs/**]
                  script: [echo docs ran]
                src:
                  rules:
                    - changes: [src/**]
                  script: [echo src ran]
                """).file("docs/a.md", "a").commit().file("src/b.txt", "b").commit();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.resolve("repo").toFile())) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://gitlab.example/acme/app.git");
            git.getRepository().getConfig().save();
        }
        GantryProcess.Outcome first = repo.run();
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.jobKeys()).containsExactlyInAnyOrder("docs", "src");

        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.resolve("repo").toFile())) {
            org.eclipse.jgit.lib.RefUpdate update = git.getRepository().updateRef("refs/remotes/origin/main");
            update.setNewObjectId(git.getRepository().resolve("HEAD~1"));
            update.forceUpdate();
        }
        GantryProcess.Outcome later = repo.run();
        assertThat(later.exit()).as(later.out() + later.err()).isZero();
        assertThat(later.jobKeys()).containsExactly("src");
    }

    /**
     * "Git strategy" (Runner: "GIT_STRATEGY"): {@code none} skips every Git operation and {@code empty}
     * starts from an empty build directory; a job then sees only what artifacts and caches bring, as
     * on a fresh runner. Gantry's build directories are always fresh, so both start empty here.
     */
    @Test
    void gitStrategyNoneOrEmptyGivesTheJobOnlyItsArtifacts() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                stages: [build, deploy]
                build:
                  stage: build
                  script: [echo built > built.txt]
                  artifacts:
                    paths: [built.txt]
                none:
                  stage: deploy
                  variables:
                    GIT_STRATEGY: none
                  script:
                    - test -e source.txt && echo "none sees source" || echo "none has no source"
                    - cat built.txt
                empty:
                  stage: deploy
                  variables:
                    GIT_STRATEGY: empty
                  script: ['test -e source.txt && echo "empty sees source" || echo "empty has no source"']
                fetch:
                  stage: deploy
                  variables:
                    GIT_STRATEGY: fetch
                  script: ['test -e source.txt && echo "fetch sees source"']
                """).file("source.txt", "s").commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("none has no source", "built", "empty has no source", "fetch sees source");
    }

    /**
     * "Predefined CI/CD variables reference#CI_COMMIT_BEFORE_SHA": the previous latest commit of the
     * branch, and always zeros in merge request, scheduled and manual (web) pipelines and for the
     * first commit of a branch or tag pipeline.
     */
    @Test
    void commitBeforeShaIsZerosWhenThePipelineIsNotABranchPush() throws Exception {
        GantryProcess repo = repo().gitlab("""
                job:
                  rules:
                    - when: always
                  script: ['echo "before=$CI_COMMIT_BEFORE_SHA"']
                """).commit().file("second.txt", "2").commit().tag("v1");
        String zeros = "0".repeat(40);
        assertThat(repo.run().out()).containsPattern("before=[0-9a-f]{40}").doesNotContain("before=" + zeros);
        for (String event : java.util.List.of("schedule", "merge_request_event", "web")) {
            GantryProcess.Outcome o = repo.run("-e", event);
            assertThat(o.out()).as(event).contains("before=" + zeros);
        }
        assertThat(repo.run("--ref", "v1").out()).contains("before=" + zeros);
    }
}

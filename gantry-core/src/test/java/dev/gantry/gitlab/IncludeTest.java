package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static dev.gantry.gitlab.GitlabTesting.lines;
import static dev.gantry.gitlab.GitlabTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.model.Format;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code include:} forms, wildcards, merging order and offline behaviour. */
class IncludeTest {

    private static MemoryFiles tree(String entry) {
        return new MemoryFiles().with(".gitlab-ci.yml", entry)
                .with("ci/build.yml", "build: {stage: build, script: [make]}\n")
                .with("ci/test.yml", "test: {script: [make test]}\n")
                .with("ci/sub/deploy.yml", "deploy: {stage: deploy, script: [make deploy]}\n")
                .with("ci/notes.txt", "not yaml\n");
    }

    private static List<String> jobs(Pipeline p) {
        return p.jobs().stream().map(Job::id).toList();
    }

    @Test
    void aJobWrittenTwiceIsTheLaterOneWithAWarningInTheMainFileAndInAnInclude() {
        // GitLab reads YAML keeping the last of two equal keys (GNOME/libxml2 defines a job twice).
        LoadResult result = load(new MemoryFiles()
                .with(".gitlab-ci.yml", "include: a.yml\nbuild: {script: [old]}\nbuild: {script: [new]}\n")
                .with("a.yml", "test: {script: [old]}\ntest: {script: [new]}\n"));
        assertThat(lines(result)).containsExactly(
                ".gitlab-ci.yml:3:1: warning: duplicate key 'build' (first defined at 2:1); GitLab uses this one [duplicate-key]",
                "a.yml:2:1: warning: duplicate key 'test' (first defined at 1:1); GitLab uses this one [duplicate-key]");
        for (String id : List.of("build", "test")) {
            String script = job(result.pipeline(), id).steps().get(0).action().toString();
            assertThat(script).contains("new").doesNotContain("old");
        }
    }

    @Test
    void anUnreadIncludeMayBringAJobsScriptAndStageSoNeitherIsReportedMissingOrWrong() {
        // GNOME's pipelines: `build-sysext` gets its script from a component, `nightly` its stage
        // from a project template; offline, only the include itself is an error.
        LoadResult result = load("""
                include:
                  - project: gnome/citemplates
                    file: flatpak.yml
                flatpak:
                  extends: .flatpak
                nightly:
                  extends: .publish_nightly
                  dependencies: [flatpak]
                build-sysext:
                  allow_failure: true
                """);
        assertThat(lines(result)).singleElement().asString().contains("[include-remote]");
    }

    @Test
    void oneStarTakesFilesDirectlyInTheFolderOnly() {
        Pipeline p = clean(tree("include:\n  - local: 'ci/*.yml'\n"));
        assertThat(jobs(p)).containsExactly("build", "test");
        assertThat(((GitlabPipeline) p.details()).includes()).containsExactly("ci/build.yml", "ci/test.yml");
    }

    @Test
    void doubleStarSlashStarTakesOnlySubfolders() {
        assertThat(jobs(clean(tree("include:\n  - local: 'ci/**/*.yml'\n")))).containsExactly("deploy");
    }

    @Test
    void doubleStarTakesTheFolderAndItsSubfolders() {
        assertThat(jobs(clean(tree("include: '/ci/**.yml'\n")))).containsExactly("build", "deploy", "test");
    }

    @Test
    void stringAndListShorthandsAreLocal() {
        assertThat(jobs(clean(tree("include: ci/build.yml\n")))).containsExactly("build");
        assertThat(jobs(clean(tree("include: [ci/build.yml, {local: /ci/test.yml}]\n"))))
                .containsExactly("build", "test");
    }

    @Test
    void nestedIncludesAndTheIncludingFileWins() {
        Pipeline p = clean(new MemoryFiles()
                .with(".gitlab-ci.yml", "include: a.yml\nvariables: {X: main}\nbuild: {script: [main]}\n")
                .with("a.yml", "include: b.yml\nvariables: {X: a, Y: a}\n")
                .with("b.yml", "variables: {X: b, Y: b, Z: b}\nbuild: {stage: build, script: [b]}\n"));
        assertThat(p.variables()).extracting(v -> v.name() + "=" + v.value()).containsExactly("X=main", "Y=a", "Z=b");
        Job build = job(p, "build");
        assertThat(build.stage()).as("hashes merge deep").isEqualTo("build");
        assertThat(build.steps().get(0).action().toString()).contains("main");
        assertThat(((GitlabPipeline) p.details()).includes()).containsExactly("a.yml", "b.yml");
    }

    @Test
    void aLaterIncludeWinsOverAnEarlierOne() {
        Pipeline p = clean(new MemoryFiles()
                .with(".gitlab-ci.yml", "include: [one.yml, two.yml]\n")
                .with("one.yml", "job: {stage: build, script: [one]}\n")
                .with("two.yml", "job: {script: [two]}\n"));
        assertThat(job(p, "job").stage()).isEqualTo("build");
        assertThat(job(p, "job").steps().get(0).action().toString()).contains("two");
    }

    @Test
    void diagnosticsOfAnIncludedFileNameThatFile() {
        assertThat(lines(load(tree("include: ci/bad.yml\n").with("ci/bad.yml", "job:\n  scripts: [x]\n"))))
                .containsExactly(
                        "ci/bad.yml:1:1: error: job 'job' has no script; add 'script' (or 'trigger' for a downstream"
                                + " pipeline) [missing-script]",
                        "ci/bad.yml:2:3: error: unknown keyword 'scripts' in job 'job'; did you mean 'script'?"
                                + " [unknown-keyword]");
    }

    @Test
    void aMissingFileOrAnEmptyWildcardIsAnError() {
        assertThat(lines(load(tree("include: [ci/nope.yml, 'none/*.yml']\njob: {script: [x]}\n")))).containsExactly(
                ".gitlab-ci.yml:1:11: error: local include 'ci/nope.yml' does not exist [include-missing]",
                ".gitlab-ci.yml:1:24: error: no file matches the local include 'none/*.yml' [include-missing]");
    }

    @Test
    void networkIncludesAreReportedAndSilenceWhatTheyMightDefine() {
        assertThat(lines(load("""
                include:
                  - remote: https://example.com/ci/templates.yml
                  - template: Jobs/SAST.gitlab-ci.yml
                job:
                  extends: .from-remote
                  script: [x]
                  needs: [from-template]
                """))).containsExactly(
                ".gitlab-ci.yml:2:13: error: include:remote 'https://example.com/ci/templates.yml' needs network access;"
                        + " not available offline (place a copy at .gantry/includes/remote/example.com/ci/templates.yml"
                        + " to use it) [include-remote]",
                ".gitlab-ci.yml:3:15: error: include:template 'Jobs/SAST.gitlab-ci.yml' needs network access; not"
                        + " available offline (place a copy at .gantry/includes/template/Jobs/SAST.gitlab-ci.yml to use"
                        + " it) [include-remote]");
    }

    @Test
    void aVendoredCopyStandsInForANetworkInclude() {
        Pipeline p = clean(new MemoryFiles()
                .with(".gitlab-ci.yml", "include:\n  - project: group/ci\n    ref: v1\n    file: /jobs.yml\n"
                        + "job: {extends: .shared}\n")
                .with(".gantry/includes/project/group/ci/jobs.yml", ".shared: {script: [shared]}\n"));
        assertThat(job(p, "job").steps()).hasSize(1);
        assertThat(((GitlabPipeline) p.details()).includes()).containsExactly(".gantry/includes/project/group/ci/jobs.yml");
    }

    @Test
    void includeCyclesAreNamed() {
        assertThat(lines(load(new MemoryFiles()
                .with(".gitlab-ci.yml", "include: a.yml\njob: {script: [x]}\n")
                .with("a.yml", "include: b.yml\n")
                .with("b.yml", "include: a.yml\n")))).containsExactly(
                "b.yml:1:10: error: include cycle: a.yml -> b.yml -> a.yml [include-cycle]");
    }

    @Test
    void conditionalIncludesAreReadAndTheirRulesKept() {
        Pipeline p = clean(tree("""
                include:
                  - local: ci/build.yml
                    rules:
                      - if: $BUILD == "yes"
                """));
        assertThat(jobs(p)).containsExactly("build");
        assertThat(((GitlabPipeline) p.details()).includeRules().get("ci/build.yml"))
                .singleElement().satisfies(r -> assertThat(r.ifExpression()).isEqualTo("$BUILD == \"yes\""));
    }

    private static final String CONDITIONAL = """
            include:
              - local: scripts/job.yml
              - local: scripts/rewrite.yml
                rules:
                  - if: $ENABLED_REWRITE == 'true'
              - local: scripts/absent.yml
                rules:
                  - if: $CI_COMMIT_TAG
            some_job:
              extends: [.job]
            """;

    private static MemoryFiles conditional() {
        return new MemoryFiles().with(".gitlab-ci.yml", CONDITIONAL)
                .with("scripts/job.yml", ".job: {script: [echo job]}\n")
                .with("scripts/rewrite.yml", ".job: {script: [echo rewrite_job]}\nvariables: {FROM_REWRITE: 'yes'}\n");
    }

    private static LoadResult forRun(MemoryFiles files, IncludeFilter filter) {
        return PipelineLoader.load(".gitlab-ci.yml", files, Format.GITLAB, Map.of(), filter);
    }

    @Test
    void aMissingFileBehindRulesIsAWarningWhenLinting() {
        assertThat(lines(load(conditional()))).containsExactly(".gitlab-ci.yml:6:12: warning: local include"
                + " 'scripts/absent.yml' does not exist; GitLab fails the pipeline for it only when its rules include"
                + " it [include-missing]");
    }

    @Test
    void anIncludeItsRulesLeaveOutContributesNothingAndNeedNotExist() {
        // "Use rules with include": GitLab evaluates the rules before it reads the file.
        LoadResult r = forRun(conditional(), rules -> false);
        assertThat(r.diagnostics()).isEmpty();
        Pipeline p = r.pipeline();
        assertThat(job(p, "some_job").steps().get(0).action().toString()).contains("echo job")
                .doesNotContain("rewrite_job");
        assertThat(p.variables()).isEmpty();
        assertThat(((GitlabPipeline) p.details()).includes()).containsExactly("scripts/job.yml");
    }

    @Test
    void anIncludeItsRulesTakeInMustExist() {
        LoadResult r = forRun(conditional(), rules -> true);
        assertThat(lines(r)).containsExactly(".gitlab-ci.yml:6:12: error: local include 'scripts/absent.yml'"
                + " does not exist [include-missing]");
        assertThat(job(r.pipeline(), "some_job").steps().get(0).action().toString()).contains("echo rewrite_job");
    }

    @Test
    void aPathWithVariablesIsReadWithThoseOfTheRunAndListedForItWhenLinting() {
        // "Use variables with include": GitLab expands the predefined and pipeline variables in the path.
        MemoryFiles files = new MemoryFiles().with(".gitlab-ci.yml", "include: 'ci/$CI_COMMIT_REF_NAME.yml'\n")
                .with("ci/main.yml", "job: {script: [echo main]}\n");
        LoadResult linted = load(files);
        assertThat(linted.pipeline().jobs()).isEmpty();
        assertThat(((GitlabPipeline) linted.pipeline().details()).includeRules())
                .containsEntry("ci/$CI_COMMIT_REF_NAME.yml", List.of());

        LoadResult run = forRun(files, new IncludeFilter() {
            @Override
            public boolean includes(List<dev.gantry.model.Rule> rules) {
                return true;
            }

            @Override
            public String path(String written) {
                return written.replace("$CI_COMMIT_REF_NAME", "main");
            }
        });
        assertThat(run.diagnostics()).isEmpty();
        assertThat(job(run.pipeline(), "job").steps().get(0).action().toString()).contains("echo main");

        LoadResult other = forRun(files, new IncludeFilter() {
            @Override
            public boolean includes(List<dev.gantry.model.Rule> rules) {
                return true;
            }

            @Override
            public String path(String written) {
                return "ci/feature.yml";
            }
        });
        assertThat(lines(other)).containsExactly(".gitlab-ci.yml:1:10: error: local include"
                + " 'ci/$CI_COMMIT_REF_NAME.yml' ('ci/feature.yml' here) does not exist [include-missing]");
    }

    @Test
    void onlyYamlFilesCanBeIncluded() {
        assertThat(lines(load(tree("include: ci/notes.txt\njob: {script: [x]}\n")))).containsExactly(
                ".gitlab-ci.yml:1:10: error: an included file must end in .yml or .yaml: 'ci/notes.txt'"
                        + " [include-invalid]");
    }
}

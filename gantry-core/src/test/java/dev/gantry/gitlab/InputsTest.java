package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static dev.gantry.gitlab.GitlabTesting.lines;
import static dev.gantry.gitlab.GitlabTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.model.Condition;
import dev.gantry.model.Format;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.StepAction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code spec:inputs} headers, {@code include:inputs} and {@code $[[ ... ]]} interpolation. */
class InputsTest {

    private static final String SCAN = """
            spec:
              inputs:
                prefix:
                stage:
                  default: test
                environment:
                  options: [staging, production]
                concurrency:
                  type: number
                  default: 1
                export:
                  type: boolean
                  default: true
                after:
                  type: array
                  default: []
                version:
                  regex: ^v\\d+\\.\\d+$
                  default: v1.0
            ---
            "$[[ inputs.prefix ]]-scan":
              stage: $[[ inputs.stage ]]
              parallel: $[[ inputs.concurrency ]]
              allow_failure: $[[ inputs.export ]]
              needs: $[[ inputs.after ]]
              script:
                - ./scan -e $[[ inputs.environment ]] -c $[[ inputs.concurrency ]] -v $[[ inputs.version ]]
            """;

    private static List<String> script(Job job) {
        return ((StepAction.Script) job.steps().getFirst().action()).lines().stream()
                .map(StepAction.ScriptLine::command).toList();
    }

    @Test
    void includeInputsReachKeysStringsAndTypedValues() {
        Pipeline p = clean(new MemoryFiles()
                .with(".gitlab-ci.yml", """
                        include:
                          - local: scan.yml
                            inputs:
                              prefix: web
                              environment: staging
                              concurrency: 3
                              export: false
                              after: [build]
                        build: {stage: build, script: [make]}
                        """)
                .with("scan.yml", SCAN));
        Job scan = job(p, "web-scan");
        assertThat(scan.stage()).isEqualTo("test");
        assertThat(scan.matrix().count()).isEqualTo(3);
        assertThat(scan.allowFailure().allowed()).isFalse();
        assertThat(scan.needs()).extracting(Need::job).containsExactly("build");
        assertThat(script(scan)).containsExactly("./scan -e staging -c 3 -v v1.0");
    }

    @Test
    void theMainFileTakesItsDefaults() {
        Pipeline p = clean("""
                spec:
                  inputs:
                    stage: {default: build}
                    flags: {default: ''}
                ---
                compile:
                  stage: $[[ inputs.stage ]]
                  script: ["make $[[ inputs.flags ]]all"]
                """);
        assertThat(job(p, "compile").stage()).isEqualTo("build");
        assertThat(script(job(p, "compile"))).containsExactly("make all");
    }

    @Test
    void functionsApplyLeftToRight() {
        Pipeline p = clean("""
                spec:
                  inputs:
                    text: {default: "0123456789"}
                    words: {default: "it's a \\"test\\""}
                    path: {default: "$HOME/bin"}
                ---
                j:
                  script:
                    - echo $[[ inputs.text | truncate(3,5) ]]
                    - echo $[[ inputs.text | truncate(8, 5) | truncate(1,1) ]]
                    - echo $[[ inputs.words | posix_escape ]]
                    - echo $[[ inputs.path | expand_vars | posix_escape ]]
                """);
        assertThat(script(job(p, "j"))).containsExactly("echo 34567", "echo 9", "echo it\\'s\\ a\\ \\\"test\\\"",
                "echo \\$HOME/bin");
    }

    @Test
    void aBlockWithAFunctionIsAlwaysAString() {
        List<String> found = lines(load("""
                spec:
                  inputs:
                    n: {type: number, default: 2}
                    s: {default: '2'}
                ---
                j:
                  parallel: $[[ inputs.n ]]
                  retry: $[[ inputs.s | truncate(0,1) ]]
                  script: [x]
                """));
        assertThat(found).singleElement().asString().startsWith(".gitlab-ci.yml:8:10: error: 'retry' must be")
                .endsWith("not a string [wrong-type]");
    }

    @Test
    void functionsTakeOnlyStrings() {
        List<String> found = lines(load("""
                spec:
                  inputs:
                    n: {type: number, default: 2}
                ---
                j:
                  script: ["echo $[[ inputs.n | posix_escape ]]"]
                """));
        assertThat(found).containsExactly(".gitlab-ci.yml:6:18: error: function 'posix_escape' works on strings,"
                + " and input 'n' is a number [input-wrong-type]");
    }

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/gitlab/valid");

    @Test
    void theIncludeFixtureBuildsTheJobsItsInputsName() {
        LoadResult r = PipelineLoader.load(".gitlab-ci.yml", new DirectorySourceFiles(FIXTURES.resolve("inputs-include")),
                Format.GITLAB);
        assertThat(r.diagnostics()).isEmpty();
        Pipeline p = r.pipeline();
        assertThat(p.jobs()).extracting(Job::id).containsExactlyInAnyOrder("build", "shop-scan-website",
                "secret-detection");
        Job scan = job(p, "shop-scan-website");
        assertThat(scan.matrix().count()).isEqualTo(2);
        assertThat(scan.needs()).extracting(Need::job).containsExactly("build");
        assertThat(script(scan).getFirst()).isEqualTo("echo \"scanning -e staging -c 2 -v v1.3.2\"");
        assertThat(script(job(p, "build"))).containsExactly("make shop");
        assertThat(job(p, "secret-detection").container().image()).isEqualTo("alpine:3.20");
    }

    @Test
    void theFunctionsFixtureShapesItsDefaults() {
        LoadResult r = PipelineLoader.load("inputs-functions.yml", new DirectorySourceFiles(FIXTURES), Format.GITLAB);
        assertThat(r.diagnostics()).isEmpty();
        Job deploy = job(r.pipeline(), "deploy 2024-05-07");
        assertThat(deploy.matrix().count()).isEqualTo(3);
        assertThat(((Condition.Rules) deploy.condition()).rules()).hasSize(2);
        assertThat(deploy.env()).extracting(v -> v.name() + "=" + v.value())
                .containsExactly("DRY_RUN_FLAG=--dry-run=false", "TARGET=$CI_DEFAULT_BRANCH");
        assertThat(script(deploy)).containsExactly(
                "printf '%s\\n' A\\ string\\ with\\ single\\ \\'\\ and\\ double\\ \\\"\\ quotes\\ and\\ \\ \\ blanks'\n'",
                "./deploy --dry-run=false --jobs=3");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What running the workflows of real public projects (docs/COMPATIBILITY.md, "Real repositories")
 * showed a local run must do: matrices over operating systems and JDKs of which this machine has
 * one OS and some JDKs, and repositories with several workflows.
 */
class RealWorkflowsIT {

    @TempDir
    Path dir;

    /** jsoup's build: an OS by JDK matrix with the leg's name built from the matrix. */
    private static final String OS_BY_JDK = """
            on: push
            jobs:
              test:
                runs-on: ${{ matrix.os }}
                strategy:
                  fail-fast: false
                  matrix:
                    os: [ubuntu-latest, windows-latest, macOS-latest]
                    java: [17, 25]
                name: Test JDK ${{ matrix.java }}, ${{ matrix.os }}
                steps:
                  - run: echo "leg ${{ matrix.java }} on $RUNNER_OS"
            """;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void legsForAnotherOperatingSystemAreSkippedWithTheReasonAndTheirNames() throws Exception {
        GantryProcess.Outcome o = repo().workflow(OS_BY_JDK).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.job("test (ubuntu-latest, 17)").get("status").asText()).isEqualTo("success");
        assertThat(o.job("test (windows-latest, 25)").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("test (windows-latest, 25)").get("reason").asText())
                .isEqualTo("runs-on 'windows-latest' asks for a Windows runner and this machine runs Linux"
                        + " (gantry runs jobs on this machine only; -P windows-latest=host runs it here anyway)");
        assertThat(o.job("test (macOS-latest, 17)").get("name").asText()).isEqualTo("Test JDK 17, macOS-latest");
        assertThat(o.out()).contains("leg 17 on Linux", "leg 25 on Linux")
                .contains("[Test JDK 25, windows-latest] job skipped: runs-on 'windows-latest'")
                .doesNotContain("[Test JDK ${{", "  Test JDK ${{");
    }

    @Test
    void selfHostedLabelsAreCaseInsensitiveAndCustomLabelsRunHere() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  mine:
                    runs-on: [self-hosted, Linux, gpu]
                    steps: [{run: echo mine ran}]
                  theirs:
                    runs-on: [self-hosted, MACOS]
                    steps: [{run: echo theirs ran}]
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.job("mine").get("status").asText()).isEqualTo("success");
        assertThat(o.job("theirs").get("reason").asText()).startsWith("runs-on 'MACOS' asks for a macOS runner");
    }

    @Test
    void matrixPicksRunOnlyThoseLegs() throws Exception {
        GantryProcess.Outcome o = repo().workflow(OS_BY_JDK).commit()
                .run("--matrix", "os=ubuntu-latest", "--matrix", "java=25");
        assertThat(o.exit()).isZero();
        assertThat(o.jobKeys()).containsExactly("test (ubuntu-latest, 25)");
    }

    @Test
    void aMatrixPickNoLegHasStopsTheRunListingWhatThereIs() throws Exception {
        GantryProcess p = repo().workflow(OS_BY_JDK).commit();
        GantryProcess.Outcome badValue = p.run("--matrix", "java=8");
        assertThat(badValue.exit()).isEqualTo(2);
        assertThat(badValue.err()).contains("--matrix java: no leg has java=8; its values are: 17, 25");
        GantryProcess.Outcome badName = p.run("--matrix", "jdk=17");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("--matrix jdk: no matrix has 'jdk'; the names are: os, java");
        assertThat(badName.out()).doesNotContain("job started");
    }

    @Test
    void aJobNamedWithJRunsFromWhicheverWorkflowHasIt() throws Exception {
        GantryProcess p = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps: [{run: echo test ran}]
                """).file(".github/workflows/other.yml", """
                on: push
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps: [{run: echo lint ran}]
                """).commit();
        GantryProcess.Outcome o = p.run("-j", "test");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("test ran").doesNotContain("lint ran")
                .contains(".github/workflows/other.yml: not run: it has none of the jobs named with -j");
        GantryProcess.Outcome unknown = p.run("-j", "tset");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no job 'tset' in any of the workflows; the jobs are: test, lint");
    }

    @Test
    void theDryRunShowsLegNamesBuiltFromTheMatrix() throws Exception {
        GantryProcess.Outcome o = repo().workflow(OS_BY_JDK).commit().run("-n", "--matrix", "java=17");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("Test JDK 17, ubuntu-latest", "Test JDK 17, macOS-latest")
                .doesNotContain("${{", "JDK 25");
    }

    @Test
    void theSummaryNamesTheJobOfEachAnnotation() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  first:
                    runs-on: ubuntu-latest
                    steps: [{run: 'echo "::warning title=disk::almost full"'}]
                  second:
                    name: Second job
                    runs-on: ubuntu-latest
                    steps: [{run: 'echo "::warning title=disk::almost full"'}]
                """).commit().run("--max-parallel", "1");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("Annotations\n  [first] warning: disk: almost full\n"
                + "  [Second job] warning: disk: almost full\n");
        assertThat(o.json().get("annotations").get(1).get("job").asText()).isEqualTo("second");
    }

    @Test
    void aReferenceToAStepThatDoesNotExistWarnsAndRunsAsOnGithub() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "tags=[${{ steps.meta.outputs.tags }}]"
                """).commit().run();
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err()).contains("warning: job 'build' has no step with id 'meta'"
                + " (GitHub runs the workflow anyway: the reference is empty) [unknown-step]");
        assertThat(o.out()).contains("tags=[]");
    }

    @Test
    void anErrorGithubRefusesStillStopsTheRun() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        node: [20]
                        exclude:
                          - nodes: 20
                    steps: [{run: echo ran}]
                """).commit().run();
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("error: 'exclude' of the matrix of job 'build' names 'nodes'", "[unknown-exclude-key]");
        assertThat(o.out()).doesNotContain("ran");
    }

    @Test
    void theRunsFolderIsDeletedAfterTheRunWithoutHoldingItUp() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: mkdir -p node_modules/a && touch node_modules/a/index.js && echo "ws=$GITHUB_WORKSPACE"
                """).commit().run();
        assertThat(o.exit()).isZero();
        Path workspace = Path.of(o.out().lines().filter(l -> l.contains("ws=/")).findFirst().orElseThrow()
                .replaceAll(".*ws=", ""));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (java.nio.file.Files.exists(workspace) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(workspace).doesNotExist();
    }

    @Test
    void aJobsServicesStartAfterItsJobStartedLine() throws Exception {
        TestDocker.engineOrSkip().close();
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  with-redis:
                    runs-on: ubuntu-latest
                    services:
                      redis:
                        image: redis:7
                    steps: [{run: echo steps ran}]
                """).commit().run();
        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out().indexOf("[with-redis] job started")).isNotNegative()
                .isLessThan(o.out().indexOf("Starting service"));
    }

    @Test
    void aGitlabJobWhoseImageIsMissingPointsToTheShellExecutor() throws Exception {
        TestDocker.engineOrSkip().close();
        GantryProcess p = repo().gitlab("""
                image: gantry-test/not-here:18
                pages:
                  script: [echo built]
                """).commit();
        GantryProcess.Outcome docker = p.run();
        assertThat(docker.exit()).isEqualTo(1);
        assertThat(docker.out()).contains("cannot pull image 'gantry-test/not-here:18'",
                "or run the job on this machine with --executor shell");
        GantryProcess.Outcome shell = p.run("--executor", "shell");
        assertThat(shell.exit()).isZero();
        assertThat(shell.out()).contains("the image 'gantry-test/not-here:18' is ignored", "built");
    }

    @Test
    void aGitlabPipelineWithoutJobsForThisBranchSaysSo() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                pages:
                  script: [echo built]
                  only: [master]
                """).commit().run("--executor", "shell");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains(".gitlab-ci.yml: no pipeline for push on 'main': the rules, only or except"
                + " of every job leave it out").doesNotContain("STAGE");
    }
}

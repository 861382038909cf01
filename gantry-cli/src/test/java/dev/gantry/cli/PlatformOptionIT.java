package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run -P LABEL=host}: jobs whose {@code runs-on} (GitLab: {@code tags}) names another
 * operating system are skipped unless the user places the label on this machine; the dry run shows
 * where each job would run; a value that is neither {@code host} nor {@code docker://IMAGE} is a
 * usage error. The {@code docker://} target is in {@link PlatformImageIT}.
 */
class PlatformOptionIT {

    @TempDir
    Path dir;

    private static final String WINDOWS_JOB = """
            on: push
            jobs:
              win:
                runs-on: windows-latest
                steps:
                  - run: echo "win ran on $RUNNER_OS"
            """;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void aWindowsJobIsSkippedWithTheOptionToUseAndRunsHereWithIt() throws Exception {
        GantryProcess.Outcome skipped = repo().workflow(WINDOWS_JOB).commit().run();
        assertThat(skipped.exit()).as(skipped.out() + skipped.err()).isZero();
        assertThat(skipped.job("win").get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.job("win").get("reason").asText()).endsWith("-P windows-latest=host runs it here anyway)");

        GantryProcess.Outcome ran = repo().run("-P", "WINDOWS-latest=host");
        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.job("win").get("status").asText()).isEqualTo("success");
        // runner.os names the machine the steps really ran on.
        assertThat(ran.out()).contains("win ran on Linux");
    }

    @Test
    void theDryRunShowsWhereEachJobWouldRun() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  win:
                    runs-on: windows-latest
                    steps: [{run: echo}]
                  mac:
                    runs-on: [self-hosted, macOS]
                    steps: [{run: echo}]
                  linux:
                    runs-on: {group: big, labels: [ubuntu-latest]}
                    steps: [{run: echo}]
                  own:
                    runs-on: ubuntu-latest
                    container: alpine:3
                    steps: [{run: echo}]
                """).commit().run("-n", "-P", "windows-latest=host", "-P", "ubuntu-latest=docker://busybox");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("RUNS ON")
                .containsPattern("win .*host \\(-P windows-latest\\)")
                .containsPattern("mac .*skipped: macOS runner \\(-P macOS=host runs it here\\)")
                .containsPattern("linux .*docker://busybox \\(-P ubuntu-latest\\)")
                .containsPattern("own .*container alpine:3");
    }

    @Test
    void aGitlabJobTaggedWindowsRunsHereWithTheOption() throws Exception {
        repo().gitlab("""
                win:
                  tags: [windows]
                  script: [echo "win ran"]
                """).commit();
        GantryProcess.Outcome skipped = repo().run();
        assertThat(skipped.job("win").get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.job("win").get("reason").asText()).endsWith("-P windows=host runs it here anyway)");

        GantryProcess.Outcome dry = repo().run("-n", "-P", "windows=host");
        assertThat(dry.out()).containsPattern("win .*shell \\(-P windows\\)");

        GantryProcess.Outcome ran = repo().run("-P", "windows=host");
        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.job("win").get("status").asText()).isEqualTo("passed");
        assertThat(ran.out()).contains("win ran");
    }

    @Test
    void aGitlabTagsImageIsTheImageOfJobsWithoutOneAndTheShellExecutorIgnoresIt() throws Exception {
        repo().gitlab("""
                plain:
                  tags: [linux-box]
                  script: [echo]
                own:
                  tags: [linux-box]
                  image: alpine:3
                  script: [echo]
                """).commit();
        GantryProcess.Outcome docker = repo().run("-n", "-P", "linux-box=docker://busybox");
        assertThat(docker.out()).containsPattern("plain .*docker busybox \\(-P linux-box\\)")
                .containsPattern("own .*docker alpine:3 \\(-P linux-box\\)");
        GantryProcess.Outcome shell = repo().run("-n", "-P", "linux-box=docker://busybox", "--executor", "shell");
        assertThat(shell.out()).containsPattern("plain .*shell \\(-P linux-box\\)")
                .containsPattern("own .*shell \\(-P linux-box\\)");
    }

    @Test
    void aValueThatIsNeitherHostNorADockerImageIsAUsageError() throws Exception {
        GantryProcess.Outcome o = repo().workflow(WINDOWS_JOB).commit().run("-P", "windows-latest=-self-hosted");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("-P takes LABEL=host or LABEL=docker://IMAGE, not 'windows-latest=-self-hosted'"
                + " (did you mean windows-latest=host?)");
        assertThat(repo().run("--platform", "windows-latest").exit()).isEqualTo(2);
    }

    @Test
    void theHelpNamesBothTargetsAndWhatAJobsOwnContainerDoes() {
        GantryProcess.Outcome help = GantryProcess.execute("run", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("-P, --platform=LABEL=host|docker://IMAGE")
                .contains("A job's own container or image is kept");
    }
}

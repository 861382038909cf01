package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run -P LABEL=docker://IMAGE} through a real Docker engine with the locally built
 * test image: a job runs in a container of IMAGE as if it had {@code container: IMAGE} (GitLab: as if
 * it had {@code image: IMAGE}). Fails when the engine is missing in CI; skips with the reason elsewhere.
 */
class PlatformImageIT extends DockerEngineTest {

    @TempDir
    Path dir;

    @Test
    void anUbuntuJobRunsInTheImageTheOptionNames() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: test -f /.dockerenv && echo "in a container, id=${{ job.container.id != '' }}"
                """).commit().run("-P", "ubuntu-latest=docker://gantry-test/busybox:latest");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("Starting job container (gantry-test/busybox:latest)",
                "in a container, id=true");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aGitlabJobWithTheTagRunsInTheImageUnderTheDockerExecutor() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).gitlab("""
                build:
                  tags: [linux-box]
                  script: [test -f /.dockerenv && echo "in a container"]
                """).commit().run("-P", "linux-box=docker://gantry-test/busybox:latest");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("gantry-test/busybox:latest", "in a container");
        assertThat(leftovers()).isEmpty();
    }
}

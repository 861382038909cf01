package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub jobs with a job container and service containers through a real Docker engine, with the
 * locally built test images (.ci/test-images.sh tags a real Redis as {@code redis:7} and BusyBox
 * as {@code busybox:latest}). Fails when the engine is missing in CI; skips with the reason
 * elsewhere.
 */
class GithubContainerIT extends DockerEngineTest {

    @TempDir
    Path dir;


    @Test
    void aContainerJobReachesAHealthCheckedServiceByItsAliasAndAHostJobByItsPort() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  in-container:
                    runs-on: ubuntu-latest
                    container:
                      image: busybox:latest
                      env:
                        FROM_CONTAINER: 'yes'
                    services:
                      redis:
                        image: redis:7
                        options: --health-cmd "redis-cli ping" --health-interval 1s --health-retries 30
                    steps:
                      - run: echo "container=$FROM_CONTAINER id=${{ job.container.id != '' }}"
                      - run: printf 'PING\\r\\n' | nc -w 2 redis 6379
                  on-host:
                    runs-on: ubuntu-latest
                    services:
                      redis:
                        image: redis:7
                        ports: ['6379']
                    steps:
                      - run: |
                          exec 3<>/dev/tcp/127.0.0.1/${{ job.services.redis.ports['6379'] }}
                          printf 'PING\\r\\n' >&3
                          head -c 5 <&3 | tr -d '\\r'
                          echo
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("container=yes id=true");
        assertThat(o.out().split("\\+PONG", -1)).as("both jobs got PONG").hasSize(3);
        assertThat(leftovers()).as("containers and networks left behind").isEmpty();
    }

    @Test
    void aServiceThatNeverBecomesHealthyFailsTheJobWithItsLogAndLeavesNothing() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    timeout-minutes: 2
                    services:
                      sick:
                        image: busybox:latest
                        options: >-
                          --entrypoint sh
                          --health-cmd "exit 1" --health-interval 1s --health-retries 2
                    steps:
                      - run: echo should-not-run
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).doesNotContain("]   should-not-run");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void ctrlCLeavesNoContainerOrNetworkOfTheRun() throws Exception {
        new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  in-container:
                    runs-on: ubuntu-latest
                    container:
                      image: busybox:latest
                    services:
                      redis:
                        image: redis:7
                    steps:
                      - run: |
                          echo "run-id=$GITHUB_RUN_ID"
                          sleep 300
                  docker-step:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker://busybox:latest
                        with:
                          args: sh -c "echo docker-step-started; sleep 300"
                """).commit();
        Path out = dir.resolve("out.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process gantry = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "-C", dir.resolve("repo").toString(), "--max-parallel", "2")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            // The step's name shows its command, so wait for the line with a number.
            Pattern runIdLine = Pattern.compile("run-id=(\\d+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Matcher id = runIdLine.matcher("");
            while (!(id.reset(Files.readString(out)).find() && Files.readString(out).contains("docker-step-started"))
                    && System.nanoTime() < deadline && gantry.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(gantry.isAlive() && id.find(0) && Files.readString(out).contains("docker-step-started"))
                    .as(Files.readString(out)).isTrue();
            String runId = id.group(1);
            assertThat(engine.runsWithLeftovers()).as("the run's containers while it runs").contains(runId);

            // Ctrl-C is SIGINT; a process started in the background of a non-interactive shell inherits
            // SIGINT ignored, and then only SIGTERM reaches the same hook.
            String signal = GithubRunRobustnessIT.ignores(gantry.pid(), 2) ? "-TERM" : "-INT";
            new ProcessBuilder("kill", signal, Long.toString(gantry.pid())).start().waitFor();

            assertThat(gantry.waitFor(90, TimeUnit.SECONDS)).as("gantry stops after Ctrl-C").isTrue();
            assertThat(gantry.exitValue()).as(Files.readString(out)).isNotZero();
            assertThat(engine.runsWithLeftovers()).as("containers, networks or volumes of run " + runId + " left behind")
                    .doesNotContain(runId);
        } finally {
            // A failed assertion must not leave the run going.
            gantry.destroyForcibly();
        }
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitLab jobs under the Docker executor through a real engine, with the locally built test images
 * ({@code busybox:latest}, a real Redis as {@code redis:7}). Fails when the engine is missing in
 * CI; skips with the reason elsewhere.
 */
class GitlabContainerIT extends DockerEngineTest {

    @TempDir
    Path dir;


    @Test
    void aJobWithAnImageReachesItsServicesByAliasAndByTheImageName() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).file(".gitlab-ci.yml", """
                default:
                  image: busybox:latest
                test:
                  services:
                    - name: redis:7
                      alias: cache
                    - redis:7-alpine
                  variables:
                    GREETING: hello
                  script:
                    - echo "$GREETING in $CI_PROJECT_DIR"
                    - test -f .gitlab-ci.yml
                    - printf 'PING\\r\\n' | nc -w 2 cache 6379
                    - printf 'PING\\r\\n' | nc -w 2 redis 6379
                  after_script:
                    - echo "after status=$CI_JOB_STATUS"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("hello in ", "after status=success");
        assertThat(o.out().split("\\+PONG", -1)).as("both services answered").hasSize(3);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theShellExecutorRefusesServices() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).file(".gitlab-ci.yml", """
                test:
                  image: busybox:latest
                  services: [redis:7]
                  script: [echo hi]
                """).commit().run("--executor", "shell");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("need the Docker executor");
    }
}

package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.diag.SourceRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service containers as a job uses them: on the job's network under an alias, waited for until
 * healthy, and published on the host's loopback address.
 */
class DockerServicesIT {

    private static final SourceRange OPTIONS_AT = SourceRange.at("ci.yml", 9, 18);

    private static DockerContainerRuntime runtime;
    private static String runId;
    private static String network;

    @BeforeAll
    static void createNetwork() throws ContainerException {
        runtime = TestEngine.runtime();
        runId = TestEngine.newRunId();
        network = ResourceNames.network(runId, "test");
        runtime.createNetwork(network, runId);
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            assertThat(runtime.cleanup(runId).problems()).isEmpty();
            runtime.close();
        }
    }

    private static ContainerSpec.Builder service(String image, String id) {
        return ContainerSpec.builder(image, ResourceNames.service(runId, "test", id), runId).network(network, List.of(id));
    }

    private static ContainerOptions options(String text) {
        ContainerOptionsParser.Result parsed = ContainerOptionsParser.parse(text, OPTIONS_AT);
        assertThat(parsed.diagnostics()).isEmpty();
        return parsed.options();
    }

    @Test
    void aJobContainerReachesAHealthyRedisServiceByItsAlias() throws ContainerException {
        StartedContainer redis = runtime.start(service(TestEngine.REDIS, "redis").build());
        runtime.awaitReady(redis.id(), Duration.ofSeconds(60)); // the image's HEALTHCHECK: redis-cli ping
        StartedContainer job = runtime.start(ContainerSpec.builder(TestEngine.BUSYBOX,
                ResourceNames.jobContainer(runId, "test"), runId).network(network, List.of()).keepAlive().build());
        Lines lines = new Lines();

        ExecResult result = runtime.exec(job.id(), ExecSpec.of("sh", "-c",
                "printf 'PING\\r\\n' | nc -w 5 redis 6379")).await(lines);

        assertThat(result.exitCode()).isZero();
        assertThat(lines.stdout()).containsExactly("+PONG");
    }

    @Test
    void publishesOnLoopbackAndReportsTheHostPort() throws Exception {
        StartedContainer redis = runtime.start(service(TestEngine.REDIS, "cache")
                .port(PortMapping.parse("6379").orElseThrow()).build());
        runtime.awaitReady(redis.id(), Duration.ofSeconds(60));

        assertThat(redis.ports()).singleElement().satisfies(p -> {
            assertThat(p.containerPort()).isEqualTo(6379);
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.hostPort()).isPositive();
        });
        try (Socket socket = new Socket("127.0.0.1", redis.hostPort(6379).orElseThrow())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(socket.getInputStream())).isEqualTo("+PONG");
        }
    }

    @Test
    void optionsHealthCheckIsWaitedFor() throws ContainerException {
        StartedContainer slow = runtime.start(service(TestEngine.BUSYBOX, "slow")
                .cmd(List.of("sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 1000"))
                .options(options("--health-cmd 'test -f /tmp/ready' --health-interval 200ms --health-retries 50"
                        + " -e MODE=slow --label team=ci"))
                .build());
        long start = System.nanoTime();

        runtime.awaitReady(slow.id(), Duration.ofSeconds(30));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
        Lines lines = new Lines();
        runtime.exec(slow.id(), ExecSpec.of("sh", "-c", "echo $MODE")).await(lines);
        assertThat(lines.stdout()).containsExactly("slow");
    }

    @Test
    void anUnhealthyServiceFailsWithItsLogLines() throws ContainerException {
        StartedContainer broken = runtime.start(service(TestEngine.BUSYBOX, "broken")
                .cmd(List.of("sh", "-c", "echo service booting; echo listening nowhere >&2; exec sleep 1000"))
                .options(options("--health-cmd \"echo probe failed; exit 1\" --health-interval 200ms --health-retries 2"))
                .build());

        assertThatThrownBy(() -> runtime.awaitReady(broken.id(), Duration.ofSeconds(60)))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("is unhealthy")
                .hasMessageContaining("probe failed")
                .hasMessageContaining("\n  service booting")
                .hasMessageContaining("\n  listening nowhere");
    }

    @Test
    void aServiceThatIsNeverHealthyFailsAfterTheTimeout() throws ContainerException {
        StartedContainer stuck = runtime.start(service(TestEngine.BUSYBOX, "stuck")
                .cmd(List.of("sh", "-c", "echo still starting; exec sleep 1000"))
                .options(options("--health-cmd false --health-interval 10s --health-start-period 60s")).build());

        assertThatThrownBy(() -> runtime.awaitReady(stuck.id(), Duration.ofSeconds(1)))
                .hasMessageContaining("was not healthy after 1 s")
                .hasMessageContaining("still starting");
    }

    @Test
    void aServiceWithoutHealthCheckIsReadyWhenRunning() throws ContainerException {
        StartedContainer plain = runtime.start(service(TestEngine.BUSYBOX, "plain")
                .cmd(List.of("sleep", "1000")).build());

        runtime.awaitReady(plain.id(), Duration.ofSeconds(10));

        assertThat(runtime.logs(plain.id(), 10)).isEmpty();
    }

    @Test
    void aServiceThatExitsFailsWithItsExitCodeAndLog() throws ContainerException {
        StartedContainer dying = runtime.start(service(TestEngine.BUSYBOX, "dying")
                .cmd(List.of("sh", "-c", "echo cannot bind; exit 3"))
                .options(options("--health-cmd true --health-interval 5s")).build());

        assertThatThrownBy(() -> runtime.awaitReady(dying.id(), Duration.ofSeconds(30)))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("cannot bind");
    }

    @Test
    void aMissingImageIsAClearError() {
        assertThatThrownBy(() -> runtime.start(service("gantry-test/absent:1", "absent").build()))
                .isInstanceOf(ContainerException.class)
                .hasMessageContaining("gantry-test/absent:1")
                .hasMessageContaining("not present");
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}

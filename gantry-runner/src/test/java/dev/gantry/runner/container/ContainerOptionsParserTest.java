package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.SourceRange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerOptionsParserTest {

    private static final SourceRange AT = SourceRange.at(".github/workflows/ci.yml", 12, 18);

    private static ContainerOptions ok(String text) {
        ContainerOptionsParser.Result result = ContainerOptionsParser.parse(text, AT);
        assertThat(result.diagnostics()).isEmpty();
        return result.options();
    }

    private static List<String> problems(String text) {
        return ContainerOptionsParser.parse(text, AT).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void readsThePostgresExampleOfTheGithubDocs() {
        ContainerOptions options = ok("--health-cmd pg_isready --health-interval 10s --health-timeout 5s --health-retries 5");

        assertThat(options.healthCheck()).contains(HealthCheck.shell("pg_isready").withInterval(Duration.ofSeconds(10))
                .withTimeout(Duration.ofSeconds(5)).withRetries(5));
    }

    @Test
    void quotedHealthCommandsKeepTheirSpaces() {
        assertThat(ok("--health-cmd \"redis-cli ping\" --health-start-period=1m30s").healthCheck())
                .contains(HealthCheck.shell("redis-cli ping").withStartPeriod(Duration.ofSeconds(90)));
        assertThat(ok("--health-cmd 'curl -f http://localhost/ || exit 1'").healthCheck().orElseThrow().test())
                .containsExactly("CMD-SHELL", "curl -f http://localhost/ || exit 1");
        assertThat(ok("--health-cmd=\"echo \\\"hi\\\"\"").healthCheck().orElseThrow().test())
                .containsExactly("CMD-SHELL", "echo \"hi\"");
    }

    @Test
    void noHealthcheckDisablesTheImagesCheck() {
        assertThat(ok("--no-healthcheck").healthCheck()).contains(HealthCheck.none());
    }

    @Test
    void readsLongShortAttachedAndEqualsForms() {
        ContainerOptions options = ok("-e A=1 --env B=2 -eC=3 -e=D=4 --env=E=x=y -u 1000:1000 -w /work --hostname db"
                + " --entrypoint /bin/sh -l team=ci --label solo -v /host:/data:ro -v cache:/cache --volume /anon");

        assertThat(options.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("C", "3"),
                Map.entry("D", "4"), Map.entry("E", "x=y"));
        assertThat(options.user()).contains("1000:1000");
        assertThat(options.workingDir()).contains("/work");
        assertThat(options.hostname()).contains("db");
        assertThat(options.entrypoint()).contains("/bin/sh");
        assertThat(options.labels()).containsExactly(Map.entry("team", "ci"), Map.entry("solo", ""));
        assertThat(options.mounts()).containsExactly(new Mount("/host", "/data", true), new Mount("cache", "/cache", false),
                new Mount("", "/anon", false));
    }

    @Test
    void readsResources() {
        Resources r = ok("--cpus 1.5 -m 512m --privileged --cap-add NET_ADMIN --cap-add cap_sys_time"
                + " --shm-size 1g --tmpfs /run:rw,size=64m --tmpfs /scratch").resources();

        assertThat(r.cpus()).contains(1.5);
        assertThat(r.memoryBytes()).contains(512L * 1024 * 1024);
        assertThat(r.privileged()).isTrue();
        assertThat(r.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
        assertThat(r.shmSizeBytes()).contains(1024L * 1024 * 1024);
        assertThat(r.tmpfs()).containsExactly(Map.entry("/run", "rw,size=64m"), Map.entry("/scratch", ""));
        assertThat(ok("--privileged=false").resources().privileged()).isFalse();
    }

    @Test
    void blankOptionsAreNoOptions() {
        assertThat(ok("")).isEqualTo(ContainerOptions.none());
        assertThat(ok("  \n ")).isEqualTo(ContainerOptions.none());
        assertThat(ContainerOptionsParser.parse(null, AT).options()).isEqualTo(ContainerOptions.none());
    }

    @Test
    void networkOptionsAreRefusedWithTheReason() {
        assertThat(problems("--network host")).containsExactly(".github/workflows/ci.yml:12:18: error: option"
                + " '--network' is not supported: Gantry connects every container of a job to the job's own network"
                + " [container-option-network]");
        assertThat(problems("-p 8080:80")).singleElement().asString()
                .contains("'-p' is not supported: publish ports with the 'ports' key instead");
        assertThat(problems("--dns=1.1.1.1 --add-host a:1.2.3.4")).hasSize(2).allMatch(p -> p.endsWith("[container-option-network]"));
    }

    @Test
    void unknownOptionsAreNamed() {
        assertThat(problems("--helth-cmd true")).containsExactly(".github/workflows/ci.yml:12:18: error: unknown"
                + " container option '--helth-cmd' (see docs.docker.com \"docker container create\" for the options"
                + " there are) [container-option-unknown]");
        assertThat(problems("-Z")).singleElement().asString().contains("'-Z'").endsWith("[container-option-unknown]");
    }

    @Test
    void dockerOptionsGantryDoesNotImplementAreNamed() {
        assertThat(problems("--read-only --ulimit nofile=1024 --name db")).containsExactly(
                ".github/workflows/ci.yml:12:18: error: option '--read-only' of docker create is not supported by Gantry [container-option-unsupported]",
                ".github/workflows/ci.yml:12:18: error: option '--ulimit' of docker create is not supported by Gantry [container-option-unsupported]",
                ".github/workflows/ci.yml:12:18: error: option '--name' of docker create is not supported by Gantry [container-option-unsupported]");
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThat(problems("--memory lots")).containsExactly(".github/workflows/ci.yml:12:18: error: option"
                + " '--memory' has the value 'lots'; expected a size such as 512m or 2g [container-option-value]");
        assertThat(problems("--health-interval 10")).singleElement().asString()
                .contains("expected a duration such as 10s, 500ms or 1m30s");
        assertThat(problems("--health-retries -1")).singleElement().asString().contains("expected a whole number");
        assertThat(problems("--cpus 0")).singleElement().asString().contains("a positive number");
        assertThat(problems("-e NOVALUE")).singleElement().asString().contains("NAME=VALUE");
        assertThat(problems("-v relative/path")).singleElement().asString().endsWith("[container-option-value]");
        assertThat(problems("--privileged=maybe")).singleElement().asString().contains("true or false");
    }

    @Test
    void syntaxProblemsAreReported() {
        assertThat(problems("--health-cmd 'redis-cli ping")).containsExactly(".github/workflows/ci.yml:12:18: error:"
                + " the options have an unterminated single quote [container-options-syntax]");
        assertThat(problems("--user")).containsExactly(".github/workflows/ci.yml:12:18: error: option '--user'"
                + " needs a value [container-options-syntax]");
        assertThat(problems("stray --cpus 1")).singleElement().asString()
                .contains("'stray' in the options belongs to no option");
    }

    @Test
    void aProblemDoesNotStopTheRestFromBeingRead() {
        ContainerOptionsParser.Result result = ContainerOptionsParser.parse("--network x -e A=1 --bogus --cpus 2", AT);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).hasSize(2);
        assertThat(result.options().env()).containsEntry("A", "1");
        assertThat(result.options().resources().cpus()).contains(2.0);
        assertThat(problems("--bogus value --cpus 2")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "\"", "\\", "--", "-", "--=", "-e", "--env=", "--health-interval=", "--cpus=1e9999",
            "--memory 99999999999999999999999p", "--health-timeout 9999999999999h", "-=", "--tmpfs", "\u0000", "-é x"})
    void neverThrows(String text) {
        ContainerOptionsParser.Result result = ContainerOptionsParser.parse(text, AT);

        assertThat(result.options()).isNotNull();
    }
}

package dev.gantry.runner.actions.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.container.ContainerSpec;
import dev.gantry.runner.container.ContainerSupport;
import dev.gantry.runner.container.DockerContainerRuntime;
import dev.gantry.runner.container.ExecResult;
import dev.gantry.runner.container.ExecStopSettings;
import dev.gantry.runner.container.Mount;
import dev.gantry.runner.container.PullPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The container a docker action stage gets, and its failure without an engine; no engine needed. */
class DockerActionStepTest {

    private static final DockerStepFolders FOLDERS = new DockerStepFolders(Path.of("/w/job/workspace"),
            Path.of("/w/job/temp/_github_home"), Path.of("/w/job/temp/_github_workflow"), Path.of("/w/job/temp/_files/3"));

    private static DockerStepContext context(ContainerSupport containers, Map<String, String> env) {
        return new DockerStepContext(containers, "r1", "gantry-r1-j-step-3", Optional.of("gantry-r1-j"), FOLDERS, env,
                Optional.empty(), line -> { });
    }

    private static ContainerSupport noEngine() {
        return new ContainerSupport(() -> new DockerContainerRuntime(
                Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), ExecStopSettings.defaults()), PullPolicy.MISSING);
    }

    @Test
    void withoutAnEngineTheStepFailsSayingSo() {
        DockerActionSpec spec = DockerActionSpec.ofDockerStep("alpine:3", Map.of()).spec().orElseThrow();

        ExecResult result = DockerActionStep.start(spec, DockerActionStage.MAIN, context(noEngine(), Map.of()))
                .await((stream, line) -> { });

        assertThat(result.succeeded()).isFalse();
        assertThat(result.startFailure()).hasValueSatisfying(m -> assertThat(m)
                .contains("runs in a Docker container, and no Docker engine is reachable")
                .contains("/nonexistent/docker.sock"));
    }

    @Test
    void theEnvironmentLayersStepVariablesInputsRunsEnvAndTheGithubFolders() {
        Map<String, String> stepEnv = new LinkedHashMap<>();
        stepEnv.put("GITHUB_WORKSPACE", "/w/job/workspace");
        stepEnv.put("GITHUB_OUTPUT", "/w/job/temp/_files/3/output");
        stepEnv.put("GITHUB_EVENT_PATH", "/w/run/event.json");
        stepEnv.put("SUB", "/w/job/workspace/sub/dir");
        stepEnv.put("NEAR_MISS", "/w/job/workspace2");
        stepEnv.put("SHARED", "from the step");
        DockerActionSpec spec = new DockerActionSpec(new DockerImageSource.Image("alpine:3"), Optional.empty(),
                List.of(), Map.of("SHARED", "from runs.env"), Map.of("who to greet", "world", "Mode", "fast"),
                Optional.empty(), Optional.empty());

        Map<String, String> env = DockerActionStep.start(spec, DockerActionStage.MAIN, context(noEngine(), stepEnv))
                .environment();

        assertThat(env).containsEntry("GITHUB_WORKSPACE", "/github/workspace")
                .containsEntry("GITHUB_OUTPUT", "/github/file_commands/output")
                .containsEntry("GITHUB_EVENT_PATH", "/github/workflow/event.json")
                .containsEntry("HOME", "/github/home")
                .containsEntry("SUB", "/github/workspace/sub/dir")
                .containsEntry("NEAR_MISS", "/w/job/workspace2")
                .containsEntry("INPUT_WHO_TO_GREET", "world")
                .containsEntry("INPUT_MODE", "fast")
                .containsEntry("SHARED", "from runs.env");
    }

    @Test
    void eachStageGetsItsOwnContainerWithTheFoldersTheNetworkAndTheArgs() {
        DockerActionSpec spec = new DockerActionSpec(new DockerImageSource.Image("alpine:3"), Optional.of("/main.sh"),
                List.of("a b", "c"), Map.of(), Map.of(), Optional.of("/pre.sh"), Optional.empty());

        ContainerSpec main = DockerActionStep.start(spec, DockerActionStage.MAIN, context(noEngine(), Map.of()))
                .containerSpec("img");
        ContainerSpec pre = DockerActionStep.start(spec, DockerActionStage.PRE, context(noEngine(), Map.of()))
                .containerSpec("img");

        assertThat(main.name()).isEqualTo("gantry-r1-j-step-3");
        assertThat(pre.name()).isEqualTo("gantry-r1-j-step-3-pre");
        assertThat(main.entrypoint()).contains(List.of("/main.sh"));
        assertThat(pre.entrypoint()).contains(List.of("/pre.sh"));
        assertThat(pre.cmd()).contains(List.of("a b", "c"));
        assertThat(main.workingDir()).contains("/github/workspace");
        assertThat(main.network()).contains("gantry-r1-j");
        assertThat(main.labels()).containsEntry("dev.gantry.run", "r1");
        assertThat(main.mounts()).containsExactly(
                Mount.bind("/w/job/workspace", "/github/workspace"),
                Mount.bind("/w/job/temp/_github_home", "/github/home"),
                Mount.bind("/w/job/temp/_github_workflow", "/github/workflow"),
                Mount.bind("/w/job/temp/_files/3", "/github/file_commands"));
    }

    @Test
    void aDockerStepSplitsWithArgsIntoWordsAndTakesWithEntrypoint() {
        DockerActionSpec spec = DockerActionSpec.ofDockerStep("alpine:3",
                Map.of("args", "-c \"echo $HOME 'x'\" second\\ word 'single \"quoted\"'", "Entrypoint", "sh"))
                .spec().orElseThrow();

        assertThat(spec.args()).containsExactly("-c", "echo $HOME 'x'", "second word", "single \"quoted\"");
        assertThat(spec.entrypoint()).contains("sh");
        assertThat(spec.inputs()).containsKeys("args", "Entrypoint");
        assertThat(DockerActionSpec.ofDockerStep("alpine:3", Map.of()).spec().orElseThrow().args()).isEmpty();
    }

    @Test
    void anUnterminatedQuoteInWithArgsIsAnError() {
        DockerActionSpec.Result result = DockerActionSpec.ofDockerStep("alpine:3", Map.of("args", "echo \"open"));

        assertThat(result.spec()).isEmpty();
        assertThat(result.error()).contains("with.args has an unterminated double quote");
    }

    @Test
    void runsImageIsAnImageOrADockerfileOfTheActionsFolder() {
        assertThat(DockerImageSource.of("docker://alpine:3", Path.of("/a"), "k"))
                .isEqualTo(new DockerImageSource.Image("alpine:3"));
        assertThat(DockerImageSource.of("Dockerfile", Path.of("/a/act"), "o/r@v1"))
                .isEqualTo(new DockerImageSource.Dockerfile(Path.of("/a/act/Dockerfile"), "o/r@v1"));
    }
}

package dev.gantry.runner.actions.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.container.ContainerSupport;
import dev.gantry.runner.container.DockerContainerRuntime;
import dev.gantry.runner.container.ExecResult;
import dev.gantry.runner.container.ExecStream;
import dev.gantry.runner.container.PullPolicy;
import dev.gantry.runner.container.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A docker action built from a Dockerfile in a folder, run on a real engine: built once and then
 * taken from the engine's images, rebuilt when its folder changes; its pre, main and post stages
 * with args, inputs, runs.env, the step's environment and the mounted folders.
 */
class DockerActionStepIT {

    private static DockerContainerRuntime runtime;
    private static ContainerSupport containers;
    private static String runId;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        runtime = TestEngine.runtime();
        containers = new ContainerSupport(() -> runtime, PullPolicy.NEVER);
        runId = TestEngine.newRunId();
    }

    @AfterAll
    static void cleanup() {
        if (runtime != null) {
            assertThat(runtime.cleanup(runId).containers()).as("containers a stage left behind").isEmpty();
            runtime.close();
        }
    }

    /** What one stage printed and logged. */
    private record Ran(ExecResult result, List<String> lines, List<String> log) {
    }

    private Ran run(DockerActionSpec spec, DockerActionStage stage, DockerStepFolders folders, String name) {
        List<String> lines = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Map<String, String> env = Map.of("FROM_JOB", "job-env",
                "GITHUB_OUTPUT", folders.fileCommands().resolve("output").toString(),
                "GITHUB_WORKSPACE", folders.workspace().toString());
        DockerStepContext context = new DockerStepContext(containers, runId, "gantry-" + runId + "-" + name,
                Optional.empty(), folders, env, Optional.empty(), log::add);
        ExecResult result = DockerActionStep.start(spec, stage, context)
                .await((stream, line) -> lines.add((stream == ExecStream.STDERR ? "ERR " : "") + line));
        return new Ran(result, lines, log);
    }

    private Path action() throws IOException {
        Path action = Files.createDirectories(dir.resolve("action"));
        // A fresh comment per test run, so that an image left by an earlier run is not found.
        Files.writeString(action.resolve("Dockerfile"), """
                # %s
                FROM %s
                COPY *.sh /
                ENTRYPOINT ["/main.sh"]
                """.formatted(UUID.randomUUID(), TestEngine.BUSYBOX));
        script(action, "main.sh", """
                for a in "$@"; do echo "arg=$a"; done
                echo "who=$INPUT_WHO spaced=$INPUT_WITH_SPACE action=$ACTION_ENV job=$FROM_JOB"
                echo "pwd=$(pwd) home=$HOME output=$GITHUB_OUTPUT"
                cat notes.txt
                echo "greeting=hello" >> "$GITHUB_OUTPUT"
                """);
        script(action, "pre.sh", "echo \"pre ran with $1\"\n");
        script(action, "post.sh", "echo \"post ran\"; exit 4\n");
        return action;
    }

    private static void script(Path folder, String name, String body) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private DockerStepFolders folders() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(workspace.resolve("notes.txt"), "notes from the workspace\n");
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("output"), "");
        return new DockerStepFolders(workspace, Files.createDirectories(dir.resolve("home")),
                Files.createDirectories(dir.resolve("workflow")), files);
    }

    private static DockerActionSpec spec(Path action) {
        return new DockerActionSpec(new DockerImageSource.Dockerfile(action.resolve("Dockerfile"), "./my-action@v1"),
                Optional.empty(), List.of("first arg", "second"), Map.of("ACTION_ENV", "runs-env"),
                Map.of("who", "world", "with space", "yes"), Optional.of("/pre.sh"), Optional.of("/post.sh"));
    }

    @Test
    void aDockerfileActionIsBuiltOnceAndRunsItsStagesWithArgsInputsAndFolders() throws Exception {
        Path action = action();
        DockerStepFolders folders = folders();
        DockerActionSpec spec = spec(action);

        Ran first = run(spec, DockerActionStage.MAIN, folders, "main1");

        assertThat(first.result().succeeded()).as(first.lines() + " " + first.log()).isTrue();
        assertThat(first.log()).anyMatch(l -> l.startsWith("Building the image of ./my-action@v1"));
        assertThat(first.lines()).containsExactly("arg=first arg", "arg=second",
                "who=world spaced=yes action=runs-env job=job-env",
                "pwd=/github/workspace home=/github/home output=/github/file_commands/output",
                "notes from the workspace");
        assertThat(folders.fileCommands().resolve("output")).hasContent("greeting=hello");

        Ran second = run(spec, DockerActionStage.MAIN, folders, "main2");
        assertThat(second.result().succeeded()).isTrue();
        assertThat(second.log()).noneMatch(l -> l.startsWith("Building"))
                .anyMatch(l -> l.startsWith("Using the image built before"));

        Ran pre = run(spec, DockerActionStage.PRE, folders, "main2");
        assertThat(pre.result().succeeded()).isTrue();
        assertThat(pre.lines()).containsExactly("pre ran with first arg");
        Ran post = run(spec, DockerActionStage.POST, folders, "main2");
        assertThat(post.result().exitCode()).isEqualTo(4);
        assertThat(post.lines()).containsExactly("post ran");

        Files.writeString(action.resolve("main.sh"), "#!/bin/sh\necho changed\n");
        Ran edited = run(spec, DockerActionStage.MAIN, folders, "main3");
        assertThat(edited.log()).anyMatch(l -> l.startsWith("Building the image of ./my-action@v1"));
        assertThat(edited.lines()).containsExactly("changed");
    }

    @Test
    void theEntrypointOfTheSpecReplacesTheImagesAndAStageTheActionLacksRunsNothing() throws Exception {
        DockerStepFolders folders = folders();
        DockerActionSpec spec = new DockerActionSpec(new DockerImageSource.Image(TestEngine.BUSYBOX),
                Optional.of("echo"), List.of("echoed", "by entrypoint"), Map.of(), Map.of(), Optional.empty(),
                Optional.empty());

        Ran main = run(spec, DockerActionStage.MAIN, folders, "image");
        Ran post = run(spec, DockerActionStage.POST, folders, "image");

        assertThat(main.result().succeeded()).isTrue();
        assertThat(main.lines()).containsExactly("echoed by entrypoint");
        assertThat(post.result().succeeded()).isTrue();
        assertThat(post.lines()).isEmpty();
    }
}

package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The environment files of one step ("Workflow commands for GitHub Actions#environment files"):
 * GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY and GITHUB_STATE, created empty for
 * the step and read back when it ends.
 */
final class StepFiles {

    private final Path env;
    private final Path output;
    private final Path path;
    private final Path summary;
    private final Path state;
    private String summaryText = "";

    private StepFiles(Path dir) {
        this.env = dir.resolve("env");
        this.output = dir.resolve("output");
        this.path = dir.resolve("path");
        this.summary = dir.resolve("step_summary");
        this.state = dir.resolve("state");
    }

    /** Fresh, empty files for step {@code index} under the job's temp folder. */
    static StepFiles create(Path temp, int index) throws IOException {
        Path dir = directory(temp, index);
        Files.createDirectories(dir);
        StepFiles files = new StepFiles(dir);
        for (Path p : List.of(files.env, files.output, files.path, files.summary, files.state)) {
            Files.writeString(p, "");
        }
        return files;
    }

    /** The folder of step {@code index}'s files. */
    private static Path directory(Path temp, int index) {
        return temp.resolve("_files").resolve(Integer.toString(index));
    }

    /**
     * What step {@code index} (the last one run with that index) wrote to GITHUB_STATE: the state a
     * JavaScript action's pre or main step saves for the next ones ("Workflow commands#sending values
     * to the pre and post actions").
     */
    static FileCommands.Assignments readState(Path temp, int index) {
        return FileCommands.readAssignments(directory(temp, index).resolve("state"), "GITHUB_STATE");
    }

    /** The variables that point the step at its files. */
    Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("GITHUB_ENV", env.toString());
        v.put("GITHUB_OUTPUT", output.toString());
        v.put("GITHUB_PATH", path.toString());
        v.put("GITHUB_STEP_SUMMARY", summary.toString());
        v.put("GITHUB_STATE", state.toString());
        return v;
    }

    /**
     * Applies what the step wrote: GITHUB_ENV to the job's env for later steps, GITHUB_PATH to the
     * front of PATH (later lines first), the legacy commands likewise; returns the step's outputs.
     *
     * @param problems receives malformed lines (without values)
     */
    Map<String, String> apply(JobState job, StepOutput commands, Consumer<Diagnostic> problems) {
        FileCommands.Assignments envs = FileCommands.readAssignments(env, "GITHUB_ENV");
        envs.diagnostics().forEach(problems);
        job.fileEnv.putAll(commands.legacyEnv());
        job.fileEnv.putAll(envs.values());
        FileCommands.PathEntries paths = FileCommands.readPath(path, "GITHUB_PATH");
        paths.diagnostics().forEach(problems);
        for (String dir : commands.legacyPath()) {
            job.path.add(0, dir);
        }
        for (String dir : paths.directories()) {
            job.path.add(0, dir);
        }
        FileCommands.Assignments outs = FileCommands.readAssignments(output, "GITHUB_OUTPUT");
        outs.diagnostics().forEach(problems);
        Map<String, String> outputs = new LinkedHashMap<>(commands.legacyOutputs());
        outputs.putAll(outs.values());
        try {
            summaryText = Files.readString(summary, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            summaryText = "";
        } catch (IOException e) {
            summaryText = "";
        }
        return outputs;
    }

    /** The Markdown the step appended to GITHUB_STEP_SUMMARY. */
    String summary() {
        return summaryText;
    }
}

package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The environment files of one step ("Workflow commands for GitHub Actions#environment files"):
 * GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY and GITHUB_STATE, empty when the step
 * starts and read back when it ends.
 *
 * <p>The job's steps share one set of paths under its temp folder, emptied before each step: a
 * step sees fresh, empty files as on GitHub, and the common case (a step that wrote nothing) costs
 * five {@code stat} calls instead of creating five files.
 */
final class StepFiles {

    private final Path directory;
    private final Path env;
    private final Path output;
    private final Path path;
    private final Path summary;
    private final Path state;
    private String summaryText = "";

    private StepFiles(Path dir) {
        this.directory = dir;
        this.env = dir.resolve("env");
        this.output = dir.resolve("output");
        this.path = dir.resolve("path");
        this.summary = dir.resolve("step_summary");
        this.state = dir.resolve("state");
    }

    /** The job's files under its temp folder, each existing and empty. */
    static StepFiles create(Path temp) throws IOException {
        Path dir = directory(temp);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        StepFiles files = new StepFiles(dir);
        for (Path p : List.of(files.env, files.output, files.path, files.summary, files.state)) {
            if (!isEmptyFile(p)) {
                // Also replaces whatever a step may have put there instead of a file.
                Files.deleteIfExists(p);
                Files.createFile(p);
            }
        }
        return files;
    }

    private static boolean isEmptyFile(Path p) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() == 0;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Whether the step wrote to {@code p}; also when it cannot tell, so that the read reports why. */
    private static boolean wrote(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).size() > 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The folder that holds the files (and nothing else). */
    Path directory() {
        return directory;
    }

    private static Path directory(Path temp) {
        return temp.resolve("_files");
    }

    /**
     * What the step that just ran wrote to GITHUB_STATE: the state a JavaScript action's pre or main
     * step saves for the next ones ("Workflow commands#sending values to the pre and post actions").
     * Read it before the next step empties the files.
     */
    static FileCommands.Assignments readState(Path temp) {
        return FileCommands.readAssignments(directory(temp).resolve("state"), "GITHUB_STATE");
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
        // Most steps write none of the files: a stat each tells, instead of reading four files.
        FileCommands.Assignments envs = !wrote(env) ? FileCommands.Assignments.NONE
                : FileCommands.readAssignments(env, "GITHUB_ENV");
        envs.diagnostics().forEach(problems);
        job.fileEnv.putAll(commands.legacyEnv());
        job.fileEnv.putAll(envs.values());
        FileCommands.PathEntries paths = !wrote(path) ? FileCommands.PathEntries.NONE
                : FileCommands.readPath(path, "GITHUB_PATH");
        paths.diagnostics().forEach(problems);
        for (String dir : commands.legacyPath()) {
            job.path.add(0, dir);
        }
        for (String dir : paths.directories()) {
            job.path.add(0, dir);
        }
        FileCommands.Assignments outs = !wrote(output) ? FileCommands.Assignments.NONE
                : FileCommands.readAssignments(output, "GITHUB_OUTPUT");
        outs.diagnostics().forEach(problems);
        Map<String, String> outputs = new LinkedHashMap<>(commands.legacyOutputs());
        outputs.putAll(outs.values());
        try {
            summaryText = !wrote(summary) ? "" : Files.readString(summary, StandardCharsets.UTF_8);
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

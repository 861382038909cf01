package dev.gantry.runner.actions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a tool a built-in action calls (git, pip) with the step's environment, its stdout and
 * stderr going line by line to the job's log as the original action's output would.
 */
public final class LoggedCommand {

    private LoggedCommand() {
    }

    /**
     * Runs {@code argv} in {@code directory} with {@link ActionContext#env()}, stdin empty, and
     * waits for it.
     *
     * @return its exit status
     * @throws IOException when it cannot be started (not on PATH, say)
     * @throws InterruptedException when the job's thread is interrupted while it runs
     */
    public static int run(ActionContext context, List<String> argv, Path directory)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(context.env());
        Process process = builder.start();
        process.getOutputStream().close();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                context.log(line);
            }
        }
        return process.waitFor();
    }
}

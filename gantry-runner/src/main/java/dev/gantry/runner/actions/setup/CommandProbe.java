package dev.gantry.runner.actions.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks an installed tool about itself ({@code node --version}, {@code npm config get cache}): runs
 * it with the step's environment and returns what it printed on standard output, trimmed.
 * A tool that fails, prints nothing or takes longer than {@link #TIMEOUT_SECONDS} gives empty.
 */
public interface CommandProbe {

    int TIMEOUT_SECONDS = 20;

    Optional<String> run(List<String> argv, Map<String, String> env, Path directory);

    /** Runs real processes. */
    static CommandProbe processes() {
        return (argv, env, directory) -> {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).directory(directory.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readNBytes(1 << 16);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                String text = new String(out, StandardCharsets.UTF_8).strip();
                return process.exitValue() == 0 && !text.isEmpty() ? Optional.of(text) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}

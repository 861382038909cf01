package dev.gantry.runner.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run for one step.
 *
 * @param command          the program and its arguments; the program is looked up on the
 *                         {@code PATH} of {@code environment} (not of Gantry), as a shell would
 * @param workingDirectory the directory the process starts in; must exist
 * @param environment      the complete environment of the process: nothing of Gantry's own
 *                         environment is inherited unless it is in this map
 * @param timeout          when the step is stopped as timed out (SIGINT, SIGTERM, SIGKILL as for
 *                         {@link StepProcess#cancel()}); empty for no limit
 */
public record ProcessSpec(List<String> command, Path workingDirectory, Map<String, String> environment,
                          Optional<Duration> timeout) {

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must name a program");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A spec without a timeout. */
    public static ProcessSpec of(List<String> command, Path workingDirectory, Map<String, String> environment) {
        return new ProcessSpec(command, workingDirectory, environment, Optional.empty());
    }

    /** A spec stopped as timed out after {@code limit}. */
    public static ProcessSpec of(List<String> command, Path workingDirectory, Map<String, String> environment,
                                 Duration limit) {
        return new ProcessSpec(command, workingDirectory, environment, Optional.of(limit));
    }
}

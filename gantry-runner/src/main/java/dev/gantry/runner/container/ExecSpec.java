package dev.gantry.runner.container;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run inside a running container.
 *
 * @param argv       the program and its arguments; the program is looked up on the container's
 *                   {@code PATH} (or the {@code PATH} in {@code env})
 * @param env        variables added to the container's environment for this command
 * @param workingDir the directory it starts in; the container's working directory when empty
 * @param user       {@code name}, {@code uid} or {@code uid:gid}; the container's user when empty
 * @param timeout    when the command is stopped as timed out, as by {@link ContainerExec#cancel()};
 *                   empty for no limit
 */
public record ExecSpec(List<String> argv, Map<String, String> env, Optional<String> workingDir,
                       Optional<String> user, Optional<Duration> timeout) {

    public ExecSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code argv} with nothing else set. */
    public static ExecSpec of(String... argv) {
        return new ExecSpec(List.of(argv), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ExecSpec withEnv(Map<String, String> value) {
        return new ExecSpec(argv, value, workingDir, user, timeout);
    }

    public ExecSpec withWorkingDir(String value) {
        return new ExecSpec(argv, env, Optional.of(value), user, timeout);
    }

    public ExecSpec withUser(String value) {
        return new ExecSpec(argv, env, workingDir, Optional.of(value), timeout);
    }

    public ExecSpec withTimeout(Duration value) {
        return new ExecSpec(argv, env, workingDir, user, Optional.of(value));
    }
}

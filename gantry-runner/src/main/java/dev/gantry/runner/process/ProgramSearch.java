package dev.gantry.runner.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the file a program name stands for as {@code execvp} does (POSIX "exec", description of
 * the {@code file} argument): a name containing {@code /} is a path (relative to the working
 * directory); any other name is looked for in each directory of {@code PATH} in turn, an empty
 * entry meaning the working directory, and {@code /bin:/usr/bin} (glibc's default) when
 * {@code PATH} is unset.
 */
final class ProgramSearch {

    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private ProgramSearch() {
    }

    /**
     * @param program          the command's first word
     * @param path             the {@code PATH} of the process to start; null when unset
     * @param workingDirectory the directory the process starts in
     * @return an absolute path: the first regular executable file found, or empty when there is none
     */
    static Optional<Path> find(String program, String path, Path workingDirectory) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Path base = workingDirectory.toAbsolutePath();
        if (program.indexOf('/') >= 0) {
            return Optional.of(base.resolve(program));
        }
        for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
            Path candidate = base.resolve(dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

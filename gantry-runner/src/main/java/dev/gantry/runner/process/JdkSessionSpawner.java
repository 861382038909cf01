package dev.gantry.runner.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts processes with the JDK's {@link ProcessBuilder}, prefixed by a {@link SessionLauncher}
 * that makes the new session: the JDK starts its {@code jspawnhelper}, which execs the setsid
 * program, which execs the command (found on the {@code PATH} of the new environment by setsid's
 * {@code execvp}). Works wherever Gantry runs; costs about 2 ms more per process than
 * {@code PosixSessionSpawner}.
 *
 * <p>A program that cannot be found or executed is refused before the start, with the message
 * {@code PosixSessionSpawner} gives: otherwise setsid would report it as the step's own output
 * ("setsid: failed to execute ...") and exit 126 or 127, and a step would fail one way in a short
 * run and another in a long one. A start the kernel refuses (an environment over its size limit)
 * is worded the same way, naming the step's program rather than setsid.
 */
final class JdkSessionSpawner implements SessionSpawner {

    private static final File DEV_NULL = new File("/dev/null");
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    /**
     * The errno in the message of the JDK's failed start: {@code error=7, Argument list too long},
     * or from its spawn helper {@code Exec failed, error: 7 (Argument list too long)}.
     */
    private static final Pattern JDK_EXEC_ERROR = Pattern.compile("error(?:=|: )(\\d+)");

    private final SessionLauncher session;

    JdkSessionSpawner(SessionLauncher session) {
        this.session = session;
    }

    @Override
    public ChildProcess spawn(List<String> command, Path directory, Map<String, String> environment, Path output)
            throws IOException {
        int refused = ProgramSearch.find(command.get(0), environment.get("PATH"), directory)
                .map(JdkSessionSpawner::execError).orElse(ENOENT);
        if (refused != 0) {
            throw SessionSpawner.cannotRun(command, directory, refused);
        }
        ProcessBuilder builder = new ProcessBuilder(session.wrap(command))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // The JDK's message names the program it ran (setsid), then the errno.
            Matcher errno = JDK_EXEC_ERROR.matcher(String.valueOf(e.getMessage()));
            throw errno.find() ? SessionSpawner.cannotRun(command, directory, Integer.parseInt(errno.group(1))) : e;
        }
        return new ChildProcess(process.pid(), process.onExit().thenApply(Process::exitValue));
    }

    /** The error execve would give for {@code program} (0 when none is foreseen): ENOENT, EACCES. */
    private static int execError(Path program) {
        if (!Files.exists(program)) {
            return ENOENT;
        }
        return Files.isDirectory(program) || !Files.isExecutable(program) ? EACCES : 0;
    }
}

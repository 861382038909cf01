package dev.gantry.runner.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts one process as the leader of a new session (so of a new process group whose id is its
 * pid), with stdin from {@code /dev/null}, stdout and stderr both appended to one existing file,
 * exactly the given environment, and no other open file of Gantry's.
 *
 * <p>Two ways exist: {@link JdkSessionSpawner} (the JDK's {@code ProcessBuilder} and a setsid
 * program, everywhere) and {@code PosixSessionSpawner} ({@code posix_spawn} through the Foreign
 * Function &amp; Memory API, on Linux with JDK 22+); {@link SessionSpawners} picks one.
 * Implementations are thread-safe.
 */
interface SessionSpawner {

    /**
     * Starts {@code command}.
     *
     * @param command     the program and its arguments; a program name without {@code /} is looked
     *                    up on the {@code PATH} of {@code environment}, as a shell would
     * @param directory   the working directory of the process; must exist
     * @param environment the complete environment of the process
     * @param output      an existing file that receives stdout and stderr, appended in the order
     *                    they are written
     * @throws IOException when the process could not be started, with the reason as message
     */
    ChildProcess spawn(List<String> command, Path directory, Map<String, String> environment, Path output)
            throws IOException;

    /** The failure of a start that exec refused with {@code errno}; worded alike by every spawner. */
    static IOException cannotRun(List<String> command, Path directory, int errno) {
        return new IOException("cannot run program '" + command.get(0) + "' in '" + directory + "': "
                + Errno.describe(errno));
    }
}

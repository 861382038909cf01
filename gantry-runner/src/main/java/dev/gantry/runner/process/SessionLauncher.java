package dev.gantry.runner.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a step's command into a new session, and so into a new process group whose id is the pid
 * Java sees, by prefixing the command with a small program that calls {@code setsid()} and then
 * execs the command in the same process.
 *
 * <p>Preferred: {@code setsid} from util-linux (Debian, Ubuntu, Fedora, Alpine's busybox). It
 * forks only when its caller already leads a process group; a child of the JVM never does (a new
 * pid cannot equal an existing group id), so no fork happens and the pid Java holds is the group
 * leader. {@code --wait} would only matter after such a fork and is not used. Fallback, for macOS
 * which has no {@code setsid} program: {@code perl} with {@code POSIX::setsid}, which macOS ships.
 * When neither exists, steps cannot be isolated and {@link #detect()} returns empty; the caller
 * must report that instead of running steps whose processes it could not stop.
 */
public final class SessionLauncher {

    private static final String PERL_SCRIPT =
            "use POSIX (); POSIX::setsid() >= 0 or die \"setsid: $!\\n\"; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";";

    private final List<String> prefix;
    private final String description;

    private SessionLauncher(List<String> prefix, String description) {
        this.prefix = List.copyOf(prefix);
        this.description = description;
    }

    /** The best launcher this machine offers, or empty when it has neither setsid nor perl. */
    public static Optional<SessionLauncher> detect() {
        return findProgram("setsid").map(SessionLauncher::setsid)
                .or(() -> findProgram("perl").map(SessionLauncher::perl));
    }

    /** The util-linux {@code setsid} program at {@code program}. */
    public static SessionLauncher setsid(Path program) {
        return new SessionLauncher(List.of(program.toString(), "--"), program + " (util-linux)");
    }

    /** {@code perl} at {@code program} calling {@code POSIX::setsid}. */
    public static SessionLauncher perl(Path program) {
        return new SessionLauncher(List.of(program.toString(), "-e", PERL_SCRIPT, "--"), program + " (POSIX::setsid)");
    }

    /** The command line that runs {@code command} as leader of a new session. */
    public List<String> wrap(List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return full;
    }

    /** Which program is used, for diagnostics. */
    @Override
    public String toString() {
        return description;
    }

    private static Optional<Path> findProgram(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

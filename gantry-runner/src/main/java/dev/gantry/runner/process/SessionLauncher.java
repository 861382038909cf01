package dev.gantry.runner.process;

import java.io.IOException;
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

    /**
     * Makes the session, gives the signals a step's shell relies on their default disposition (an
     * ignored one would survive the exec), then execs the command.
     */
    private static final String PERL_SCRIPT = "use POSIX (); POSIX::setsid() >= 0 or die \"setsid: $!\\n\";"
            + " $SIG{$_} = 'DEFAULT' for qw(HUP INT QUIT PIPE ALRM TERM CHLD TSTP TTIN TTOU XFSZ);"
            + " exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";";
    /**
     * Bits of INT, QUIT, PIPE, ALRM and TERM in a {@code SigIgn} mask (signal n is bit n - 1). Not
     * HUP: {@code nohup gantry} ignores it for gantry's sake, and a step leads a session of its own,
     * which no terminal hangs up.
     */
    private static final long STEP_SIGNALS = (1L << 1) | (1L << 2) | (1L << 12) | (1L << 13) | (1L << 14);

    private final List<String> prefix;
    private final String description;

    private SessionLauncher(List<String> prefix, String description) {
        this.prefix = List.copyOf(prefix);
        this.description = description;
    }

    /**
     * The best launcher this machine offers, or empty when it has neither setsid nor perl. When this
     * JVM ignores a signal a step's shell relies on (a JVM started in the background of a
     * non-interactive shell ignores SIGINT and SIGQUIT, POSIX "Shell Command Language" 2.11), the
     * setsid program would pass that on to every step, which then could neither be interrupted by a
     * cancel nor trap the signal; perl, which resets them, is preferred then. Looked up once per
     * JVM: every job asks.
     */
    public static Optional<SessionLauncher> detect() {
        return Detected.BEST;
    }

    /** The lookup, done when {@link #detect()} is first called. */
    private static final class Detected {
        static final Optional<SessionLauncher> BEST = lookUp();
    }

    private static Optional<SessionLauncher> lookUp() {
        Optional<SessionLauncher> perl = findProgram("perl").map(SessionLauncher::perl);
        if (ignoresStepSignals() && perl.isPresent()) {
            return perl;
        }
        return findProgram("setsid").map(SessionLauncher::setsid).or(() -> perl);
    }

    /** Whether this JVM ignores one of the signals a step's shell relies on ({@code /proc/self/status}, Linux). */
    private static boolean ignoresStepSignals() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & STEP_SIGNALS) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: nothing to tell by.
        }
        return false;
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

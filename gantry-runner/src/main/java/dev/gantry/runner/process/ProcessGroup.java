package dev.gantry.runner.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A process group that a step's main process leads: its id is the main process's pid, because the
 * step was started in a new session ({@link SessionLauncher}). Signals go to every member, so
 * children, pipelines and background jobs of the step are reached too, but nothing else.
 *
 * <p>Java has no call to signal a process group, so this runs the {@code kill} program
 * ({@code kill -s NAME -- -PGID}); that costs a process start (about 2 ms) per signal, paid only
 * when a step is stopped or a job ends. Thread-safe.
 *
 * @param id the process group id, equal to the pid of the group's leader
 */
public record ProcessGroup(long id) {

    private static final String KILL = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill"
            : Files.isExecutable(Path.of("/usr/bin/kill")) ? "/usr/bin/kill" : "kill";

    /**
     * Sends {@code signal} to every member of the group. Before the leader has called
     * {@code setsid} (a moment after the start), the group does not exist yet; then the signal
     * goes to the leader alone.
     *
     * @return whether some process received it
     */
    public boolean signal(Signal signal) {
        return kill(signal, "-" + id) || kill(signal, Long.toString(id));
    }

    /** Sends {@code signal} to {@code target}: a pid, or a minus and a group id; whether it was delivered. */
    static boolean kill(Signal signal, String target) {
        try {
            Process kill = new ProcessBuilder(List.of(KILL, "-s", signal.name().toUpperCase(Locale.ROOT), "--", target))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

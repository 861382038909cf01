package dev.gantry.runner.github;

import dev.gantry.runner.platform.OsMismatch;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a job's {@code runs-on} labels can be served by this machine. Gantry runs every job here,
 * so a job that asks for another operating system would run on the wrong one and its result would
 * mean nothing; it is skipped with the reason instead. The operating system is read from the
 * labels GitHub documents ("Choosing the runner for a job"): the hosted images {@code ubuntu-*},
 * {@code windows-*}, {@code macos-*} and the self-hosted default labels {@code linux},
 * {@code windows}, {@code macOS}. Labels are case-insensitive; any other label (a custom one, a
 * group's) says nothing about the OS and is accepted. The reason names the {@code -P LABEL=host}
 * that runs the job here anyway ({@link JobPlacement}).
 */
final class RunnerOs {

    private RunnerOs() {
    }

    /**
     * @param labels the job's labels, expressions already evaluated
     * @param hostOs this machine ({@link OsMismatch#thisMachine()})
     * @return the first label that asks for another system, or empty when the job can run here
     */
    static Optional<OsMismatch> mismatch(List<String> labels, String hostOs) {
        return OsMismatch.first("runs-on", labels, RunnerOs::osOf, hostOs);
    }

    private static String osOf(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.equals("linux") || l.startsWith("ubuntu-")) {
            return "Linux";
        }
        if (l.equals("windows") || l.startsWith("windows-")) {
            return "Windows";
        }
        if (l.equals("macos") || l.startsWith("macos-")) {
            return "macOS";
        }
        return null;
    }
}

package dev.gantry.runner.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds and stops what a job's steps left running outside their process groups: daemons that
 * called {@code setsid}, processes that moved to a group of their own. Every step carries one
 * variable, {@code RUNNER_TRACKING_ID}, with a value of the job's own, and at the job's end every
 * process started since the job began that still carries it is stopped. This is what the GitHub
 * runner's "Cleaning up orphan processes" does at "Complete job"; a step keeps a process alive
 * past the job by clearing the variable for it ({@code RUNNER_TRACKING_ID= ./server &}), as the
 * runner's maintainers advise (actions/runner#598).
 *
 * <p>Linux only ({@code /proc/<pid>/environ} and {@code /proc/uptime}); elsewhere nothing is found.
 * Only processes started after {@link #start} are read, so the end of a job reads a handful of
 * files, not every process's environment. Thread-safe.
 */
public final class ProcessTracking {

    /** The variable's name, as the GitHub runner names it. */
    public static final String VARIABLE = "RUNNER_TRACKING_ID";
    /** {@code USER_HZ}: the unit of {@code /proc} start times, 100 on every Linux architecture. */
    private static final long TICKS_PER_SECOND = 100;
    private static final int MAX_ENVIRON_BYTES = 1 << 20;

    private final String value;
    private final byte[] entry;
    private final long sinceTicks;
    private final ProcessTable table;

    private ProcessTracking(String value, long sinceTicks, ProcessTable table) {
        this.value = value;
        this.entry = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
        this.sinceTicks = sinceTicks;
        this.table = table;
    }

    /**
     * Starts tracking for one job.
     *
     * @param value the job's own value: letters, digits, {@code _} and {@code -}, unique per job
     */
    public static ProcessTracking start(String value) {
        return new ProcessTracking(value, uptimeTicks(), ProcessTable.system());
    }

    /** The variable every step of the job gets. */
    public Map<String, String> variables() {
        return Map.of(VARIABLE, value);
    }

    /**
     * Stops every process started since {@link #start} that carries the job's value: SIGTERM, then
     * SIGKILL to those still running after {@link StopSettings#terminateGrace()}.
     *
     * @return the pids that were found
     */
    public List<Long> stopOrphans(StopSettings settings) {
        List<Long> orphans = orphans();
        if (!orphans.isEmpty()) {
            orphans.forEach(pid -> ProcessGroup.kill(Signal.TERM, Long.toString(pid)));
            if (!ProcessTable.awaitNone(() -> !orphans().isEmpty(), settings.terminateGrace(), settings.pollInterval())) {
                orphans().forEach(pid -> ProcessGroup.kill(Signal.KILL, Long.toString(pid)));
            }
        }
        return orphans;
    }

    /** The live processes started since {@link #start} whose environment holds the job's value. */
    List<Long> orphans() {
        if (sinceTicks <= 0) {
            return List.of();
        }
        return table.snapshot().stream()
                .filter(p -> p.startTicks() >= sinceTicks && p.pid() != ProcessHandle.current().pid())
                .map(ProcessEntry::pid)
                .filter(this::carriesValue)
                .toList();
    }

    private boolean carriesValue(long pid) {
        byte[] environ;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/environ")) {
            environ = in.readNBytes(MAX_ENVIRON_BYTES);
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
        // NUL-separated NAME=value entries: look for the whole entry.
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && java.util.Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** Clock ticks since boot now, from {@code /proc/uptime} (seconds); 0 when it cannot be read. */
    private static long uptimeTicks() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            double seconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            // A tick early: a process started in the same tick counts as started since.
            return Math.max(1, (long) (seconds * TICKS_PER_SECOND) - 1);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

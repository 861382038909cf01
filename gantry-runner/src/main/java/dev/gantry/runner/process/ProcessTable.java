package dev.gantry.runner.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The live processes of this machine with their process groups, used to tell whether a process
 * group still has members. Zombies (exited, not yet reaped) count as gone: they cannot run or
 * hold anything but their pid.
 *
 * <p>On Linux this reads {@code /proc/<pid>/stat} (Linux-specific: field 3 is the state, field 5
 * the process group), a few milliseconds for a few hundred processes. Elsewhere (macOS) it runs
 * {@code ps -A -o pid= -o pgid= -o stat=}. Thread-safe: every call reads the system afresh.
 */
abstract class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    /** The table for this machine: {@code /proc} when present, otherwise {@code ps}. */
    static ProcessTable system() {
        return Files.isReadable(PROC.resolve("self/stat")) ? new ProcFs() : new Ps();
    }

    /** Every live process; an empty list if the table cannot be read. */
    abstract List<ProcessEntry> snapshot();

    /** The live members of one process group. */
    final List<ProcessEntry> members(long pgid) {
        return snapshot().stream().filter(p -> p.pgid() == pgid).toList();
    }

    /**
     * Stops groups for good: SIGTERM to each, then SIGKILL to those with members after
     * {@link StopSettings#terminateGrace()}; returns once all are empty or a second grace passed.
     */
    final void terminate(List<ProcessGroup> groups, StopSettings settings) {
        if (groups.isEmpty()) {
            return;
        }
        groups.forEach(g -> g.signal(Signal.TERM));
        if (!awaitEmpty(groups, settings.terminateGrace(), settings.pollInterval())) {
            groups.forEach(g -> g.signal(Signal.KILL));
            awaitEmpty(groups, settings.terminateGrace(), settings.pollInterval());
        }
    }

    /** Polls until no group has members; false if some still have after {@code limit}. */
    final boolean awaitEmpty(List<ProcessGroup> groups, Duration limit, Duration pollInterval) {
        return awaitNone(() -> {
            Set<Long> live = snapshot().stream().map(ProcessEntry::pgid).collect(Collectors.toSet());
            return groups.stream().anyMatch(g -> live.contains(g.id()));
        }, limit, pollInterval);
    }

    /** Polls {@code anyLeft} until it is false; false if it is still true after {@code limit} (or on interrupt). */
    static boolean awaitNone(BooleanSupplier anyLeft, Duration limit, Duration pollInterval) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (anyLeft.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Linux: {@code /proc}. */
    static final class ProcFs extends ProcessTable {

        /** Enough for the fields up to starttime: comm is at most 64 bytes, each number at most 20. */
        private static final int HEAD = 512;
        /** The number of the starttime field in {@code stat} (proc(5)). */
        private static final int STARTTIME = 22;

        @Override
        List<ProcessEntry> snapshot() {
            List<ProcessEntry> result = new ArrayList<>();
            byte[] buffer = new byte[HEAD];
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
                for (Path dir : dirs) {
                    String name = dir.getFileName().toString();
                    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                        ProcessEntry entry = read(PROC + "/" + name + "/stat", buffer);
                        if (entry != null) {
                            result.add(entry);
                        }
                    }
                }
            } catch (IOException e) {
                return List.of();
            }
            return result;
        }

        /** Parses one stat file; null for a zombie or a process that is already gone. */
        static ProcessEntry read(Path stat) {
            return read(stat.toString(), new byte[HEAD]);
        }

        /**
         * Reads the head of a stat file with one plain read: a job's end scans every process, and
         * {@code Files.readString} (a size query, then reads into growing buffers, then decoding)
         * made that scan three times slower.
         */
        private static ProcessEntry read(String stat, byte[] buffer) {
            int length;
            try (FileInputStream in = new FileInputStream(stat)) {
                length = in.readNBytes(buffer, 0, buffer.length);
            } catch (IOException e) {
                return null; // the process ended while the table was read
            }
            // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
            int close = -1;
            for (int i = length - 1; i >= 0 && close < 0; i--) {
                if (buffer[i] == ')') {
                    close = i;
                }
            }
            if (close < 0 || close + 2 >= length) {
                return null;
            }
            byte state = buffer[close + 2];
            if (state == 'Z' || state == 'X') {
                return null;
            }
            // After the state (field 3): ppid, pgrp, ... starttime (field 22). The group is needed;
            // a start time that cannot be read is 0, which no caller takes for "new".
            int at = close + 3;
            long[] numbers = new long[STARTTIME - 3];
            int fields = 0;
            while (fields < numbers.length) {
                while (at < length && buffer[at] == ' ') {
                    at++;
                }
                if (at < length && buffer[at] == '-') {
                    at++; // tpgid, priority and nice may be negative; only their place matters here
                }
                int start = at;
                long value = 0;
                while (at < length && buffer[at] >= '0' && buffer[at] <= '9') {
                    value = value * 10 + (buffer[at++] - '0');
                }
                if (at == start) {
                    break;
                }
                numbers[fields++] = value;
            }
            if (fields < 2) {
                return null;
            }
            long pid = 0;
            int i = 0;
            while (i < length && buffer[i] >= '0' && buffer[i] <= '9') {
                pid = pid * 10 + (buffer[i++] - '0');
            }
            return i == 0 ? null : new ProcessEntry(pid, numbers[1], fields == numbers.length ? numbers[STARTTIME - 4] : 0);
        }
    }

    /** Portable fallback: the {@code ps} program. */
    static final class Ps extends ProcessTable {

        @Override
        List<ProcessEntry> snapshot() {
            List<ProcessEntry> result = new ArrayList<>();
            try {
                Process ps = new ProcessBuilder("ps", "-A", "-o", "pid=", "-o", "pgid=", "-o", "stat=")
                        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                ps.waitFor();
                for (String line : out.split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 3 && !f[2].startsWith("Z") && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                        result.add(new ProcessEntry(Long.parseLong(f[0]), Long.parseLong(f[1]), 0));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            return result;
        }
    }
}

package dev.gantry.runner.process;

import java.util.Map;

/** Words for the Linux error numbers a process start can fail with, as {@code strerror} gives them. */
final class Errno {

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(1, "Operation not permitted"),
            Map.entry(2, "No such file or directory"),
            Map.entry(7, "Argument list too long"),
            Map.entry(8, "Exec format error"),
            Map.entry(11, "Resource temporarily unavailable"),
            Map.entry(12, "Cannot allocate memory"),
            Map.entry(13, "Permission denied"),
            Map.entry(20, "Not a directory"),
            Map.entry(21, "Is a directory"),
            Map.entry(22, "Invalid argument"),
            Map.entry(24, "Too many open files"),
            Map.entry(26, "Text file busy"),
            Map.entry(36, "File name too long"),
            Map.entry(40, "Too many levels of symbolic links"));

    private Errno() {
    }

    static String describe(int errno) {
        return MESSAGES.getOrDefault(errno, "error " + errno);
    }
}

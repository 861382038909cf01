package dev.gantry.runner.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A runner label (GitHub {@code runs-on}) or tag (GitLab {@code tags}) that asks for another
 * operating system than this machine's. Gantry runs every job here, so such a job is skipped with
 * {@link #reason()}, which names the {@code -P LABEL=host} that runs it here anyway. Which labels
 * name which system is each format's own (GitHub's {@code RunnerOs}, GitLab's {@code RunnerTags}).
 *
 * @param keyword where the label is written: {@code runs-on} or {@code tags}
 * @param label   the label as written, expressions or variables already evaluated
 * @param os      the system it asks for: {@code Linux}, {@code Windows} or {@code macOS}
 * @param hostOs  this machine's, as {@link #thisMachine()} names it
 */
public record OsMismatch(String keyword, String label, String os, String hostOs) {

    /** The skip reason a user sees. */
    public String reason() {
        return keyword + " '" + label + "' asks for a " + os + " runner and this machine runs " + hostOs
                + " (gantry runs jobs on this machine only; -P " + label + "=host runs it here anyway)";
    }

    /**
     * The first of {@code labels} that asks for another system than {@code hostOs}.
     *
     * @param osOf the system a label names, or null when it names none
     * @return empty when every label can be served here
     */
    public static Optional<OsMismatch> first(String keyword, List<String> labels, Function<String, String> osOf,
                                             String hostOs) {
        for (String label : labels) {
            String os = osOf.apply(label);
            if (os != null && !os.equals(hostOs)) {
                return Optional.of(new OsMismatch(keyword, label, os, hostOs));
            }
        }
        return Optional.empty();
    }

    /** This machine's system as {@code runner.os} names it: {@code Linux}, {@code Windows} or {@code macOS}. */
    public static String thisMachine() {
        String name = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return name.contains("mac") ? "macOS" : name.contains("win") ? "Windows" : "Linux";
    }
}

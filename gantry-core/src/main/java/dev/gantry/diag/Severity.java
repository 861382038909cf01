package dev.gantry.diag;

/** How bad a {@link Diagnostic} is: errors stop a run and make {@code gantry lint} exit 1. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case word used in {@code file:line:col: error: ...} output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

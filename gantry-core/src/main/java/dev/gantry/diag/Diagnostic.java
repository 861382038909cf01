package dev.gantry.diag;

import java.util.Comparator;

/**
 * One problem in user input, pointing at the YAML that caused it.
 *
 * @param severity error or warning
 * @param range    where in which file
 * @param message  a plain sentence for a person, without a trailing period; never holds a secret value
 * @param rule     a short kebab-case id of the check (for example {@code unknown-key}), stable across
 *                 releases so that tools and golden files can rely on it
 */
public record Diagnostic(Severity severity, SourceRange range, String message, String rule) {

    /**
     * File, then line, then column, then message: the order {@code gantry lint} prints. Written
     * out rather than composed with {@code Comparator.comparing}: every run loads this class, and
     * the composed form spins up four lambda classes at start (about 4 ms of a cold start).
     */
    public static final Comparator<Diagnostic> ORDER = new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            int order = a.range().file().compareTo(b.range().file());
            if (order == 0) {
                order = Integer.compare(a.range().line(), b.range().line());
            }
            if (order == 0) {
                order = Integer.compare(a.range().column(), b.range().column());
            }
            return order != 0 ? order : a.message().compareTo(b.message());
        }
    };

    /** {@code FILE:LINE:COL: error|warning: message [rule]}, the compiler-style line of DESIGN.md. */
    public String format() {
        return range + ": " + severity.word() + ": " + message + " [" + rule + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}

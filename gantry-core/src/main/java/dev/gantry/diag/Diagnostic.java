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

    /** File, then line, then column, then message: the order {@code gantry lint} prints. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.range().file())
            .thenComparingInt(d -> d.range().line())
            .thenComparingInt(d -> d.range().column())
            .thenComparing(Diagnostic::message);

    /** {@code FILE:LINE:COL: error|warning: message [rule]}, the compiler-style line of DESIGN.md. */
    public String format() {
        return range + ": " + severity.word() + ": " + message + " [" + rule + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}

package dev.gantry.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one load. Front ends report into it and go on, so that one run of
 * {@code gantry lint} shows every problem at once instead of the first. Not thread-safe: one
 * instance belongs to one load.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void error(SourceRange range, String rule, String message) {
        items.add(new Diagnostic(Severity.ERROR, range, message, rule));
    }

    public void warning(SourceRange range, String rule, String message) {
        items.add(new Diagnostic(Severity.WARNING, range, message, rule));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The diagnostics in print order ({@link Diagnostic#ORDER}), duplicates removed. */
    public List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }
}

package dev.gantry.runner.report;

/**
 * A message attached to a file position, from {@code ::error}, {@code ::warning} or {@code ::notice}
 * (docs.github.com "Workflow commands for GitHub Actions#setting an error message").
 *
 * @param level     {@code error}, {@code warning} or {@code notice}
 * @param message   the text (masked)
 * @param title     or null
 * @param file      or null
 * @param line      1-based, 0 when not given
 * @param column    1-based, 0 when not given
 */
public record Annotation(String level, String message, String title, String file, int line, int column) {
}

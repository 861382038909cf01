package dev.gantry.runner.github;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error, warning or notice a step reported with {@code ::error}, {@code ::warning} or
 * {@code ::notice} ("Workflow commands for GitHub Actions", sections "Setting an error message",
 * "Setting a warning message", "Setting a notice message"): the message plus where it points.
 * A position that is not a positive number is left out, as if not given.
 *
 * @param level     error, warning or notice
 * @param message   the command's message
 * @param title     {@code title}
 * @param file      {@code file}, as the step wrote it (usually relative to the workspace)
 * @param line      {@code line}, 1-based
 * @param column    {@code col}, 1-based
 * @param endLine   {@code endLine}
 * @param endColumn {@code endColumn}
 */
public record Annotation(Level level, String message, Optional<String> title, Optional<String> file,
                         OptionalInt line, OptionalInt column, OptionalInt endLine, OptionalInt endColumn) {

    /** The three kinds of annotation. */
    public enum Level { ERROR, WARNING, NOTICE }

    /** The annotation an {@code error}, {@code warning} or {@code notice} command makes; empty for others. */
    public static Optional<Annotation> of(WorkflowCommand command) {
        Level level = switch (command.name()) {
            case "error" -> Level.ERROR;
            case "warning" -> Level.WARNING;
            case "notice" -> Level.NOTICE;
            default -> null;
        };
        if (level == null) {
            return Optional.empty();
        }
        return Optional.of(new Annotation(level, command.message(), command.property("title"),
                command.property("file"), number(command, "line"), number(command, "col"),
                number(command, "endLine"), number(command, "endColumn")));
    }

    private static OptionalInt number(WorkflowCommand command, String key) {
        return command.property(key)
                .filter(v -> v.matches("[0-9]{1,9}") && Integer.parseInt(v) > 0)
                .map(v -> OptionalInt.of(Integer.parseInt(v)))
                .orElse(OptionalInt.empty());
    }
}

package dev.gantry.runner.actions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a built-in action's inputs the way the actions toolkit's {@code core.getInput},
 * {@code getMultilineInput} and {@code getBooleanInput} do: values trimmed, an empty value meaning
 * "not given" (the action's documented default applies), booleans only in YAML 1.2's core-schema
 * spellings. A bad value throws {@link InputError}, which actions turn into a failed step.
 */
public final class ActionInputs {

    private final ActionContext context;

    public ActionInputs(ActionContext context) {
        this.context = context;
    }

    /** The trimmed value, or {@code fallback} when not given. */
    public String string(String name, String fallback) {
        String value = context.input(name).strip();
        return value.isEmpty() ? fallback : value;
    }

    /** A required input; {@link InputError} when not given. */
    public String required(String name) throws InputError {
        String value = string(name, "");
        if (value.isEmpty()) {
            throw new InputError("Input required and not supplied: " + name);
        }
        return value;
    }

    /** The non-blank lines of the input's value, each trimmed. */
    public List<String> lines(String name) {
        return splitLines(context.input(name));
    }

    /** The non-blank lines of {@code value}, each trimmed. */
    public static List<String> splitLines(String value) {
        List<String> lines = new ArrayList<>();
        for (String line : value.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** {@code true}/{@code True}/{@code TRUE} or the false ones; {@code fallback} when not given. */
    public boolean bool(String name, boolean fallback) throws InputError {
        String value = string(name, "");
        return switch (value) {
            case "" -> fallback;
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw new InputError("Input does not meet YAML 1.2 \"Core Schema\" specification: " + name
                    + "\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`");
        };
    }

    /** An integer input; {@code fallback} when not given, {@link InputError} when not a number. */
    public int integer(String name, int fallback) throws InputError {
        String value = string(name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InputError("Input '" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    /** {@code ~} or {@code ~/...} is the step's HOME; anything else is unchanged. */
    public static String expandHome(String path, Map<String, String> env) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home(env) + path.substring(1);
        }
        return path;
    }

    /** The step's HOME (the folder {@code ~} means). */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    }

    /** A bad input value; the message is the step's error. */
    public static final class InputError extends Exception {
        private static final long serialVersionUID = 1L;

        public InputError(String message) {
            super(message, null, false, false);
        }
    }
}

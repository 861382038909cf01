package dev.gantry.runner.github;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One workflow command printed by a step: {@code ::name key=value,key=value::message}.
 *
 * <p>Syntax as in "Workflow commands for GitHub Actions" (docs.github.com, "About workflow
 * commands"), with the details of GitHub's runner: leading whitespace before {@code ::} is
 * allowed; the name ends at the first space; properties are separated by {@code ,} and split at
 * their first {@code =}, a property with an empty key or value is dropped, keys are not trimmed
 * and compare case-insensitively, command names too; the message is everything after the second {@code ::}. Escapes
 * ("Workflow commands", section on escaping): in the message {@code %25 %0D %0A} stand for
 * {@code % \r \n}; in property values also {@code %3A} for {@code :} and {@code %2C} for
 * {@code ,}; only these upper-case forms are decoded. A line naming an unknown command is not a command and is printed as it is.
 *
 * @param name       the command's name in lower case ({@code error}, {@code add-mask}...)
 * @param properties property values by lower-case key, in the order written (a repeated key keeps
 *                   the last value)
 * @param message    the unescaped message, possibly empty
 */
public record WorkflowCommand(String name, Map<String, String> properties, String message) {

    /** The commands GitHub's runner knows; other {@code ::x::} lines are ordinary output. */
    public static final Set<String> KNOWN = Set.of("add-mask", "group", "endgroup", "error", "warning", "notice",
            "debug", "stop-commands", "echo", "set-output", "set-env", "add-path", "save-state", "add-matcher",
            "remove-matcher");

    private static final String MARK = "::";

    public WorkflowCommand {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A property value by key, case-insensitively. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key.toLowerCase(Locale.ROOT)));
    }

    /** The command on this line, or empty when the line is ordinary output. Never throws. */
    public static Optional<WorkflowCommand> parse(String line) {
        String text = line.stripLeading();
        if (!text.startsWith(MARK)) {
            return Optional.empty();
        }
        int end = text.indexOf(MARK, MARK.length());
        if (end < 0) {
            return Optional.empty();
        }
        String info = text.substring(MARK.length(), end);
        int space = info.indexOf(' ');
        String name = (space < 0 ? info : info.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (space > 0) {
            for (String property : info.substring(space + 1).strip().split(",")) {
                int eq = property.indexOf('=');
                if (eq > 0 && eq < property.length() - 1) {
                    properties.put(property.substring(0, eq).toLowerCase(Locale.ROOT),
                            unescape(property.substring(eq + 1), true));
                }
            }
        }
        return Optional.of(new WorkflowCommand(name, properties, unescape(text.substring(end + MARK.length()), false)));
    }

    /** Decodes the escapes in one left-to-right pass; an unknown {@code %xx} stays as written. */
    private static String unescape(String text, boolean property) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String decoded = c == '%' && i + 2 < text.length() ? decode(text.substring(i, i + 3), property) : null;
            if (decoded != null) {
                out.append(decoded);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String escape, boolean property) {
        // Upper-case hex only, as GitHub's runner replaces exactly these sequences.
        return switch (escape) {
            case "%25" -> "%";
            case "%0D" -> "\r";
            case "%0A" -> "\n";
            case "%3A" -> property ? ":" : null;
            case "%2C" -> property ? "," : null;
            default -> null;
        };
    }
}

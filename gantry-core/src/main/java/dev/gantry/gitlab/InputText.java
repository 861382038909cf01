package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * An input value as text, for a {@code $[[ ... ]]} block that is part of a longer string ("CI/CD
 * inputs#Input types": "the input is always interpolated as a string"). Strings stay as they are,
 * numbers and booleans read by their value ({@code 8080}, {@code true}, also for a plain {@code yes},
 * a boolean to GitLab's YAML 1.1 parser), a null is empty. An
 * array becomes a flow list with strings in double quotes, {@code ["a", 1, true]}, the shape GitLab
 * prints for such lists; the documentation warns that mappings inside arrays read unexpectedly, and
 * they are written here as {@code {"key": value}}.
 */
final class InputText {

    private InputText() {
    }

    static String of(YamlNode value) {
        return switch (value) {
            case YamlScalar s -> s.isNull() ? "" : PsychScalar.isString(s) ? s.value() : plain(s);
            default -> nested(value);
        };
    }

    private static String nested(YamlNode value) {
        return switch (value) {
            case YamlScalar s when PsychScalar.isString(s) -> quote(s.value());
            case YamlScalar s -> s.isNull() ? "nil" : plain(s);
            case YamlSeq seq -> {
                List<String> items = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    items.add(nested(item));
                }
                yield "[" + String.join(", ", items) + "]";
            }
            case YamlMap map -> {
                List<String> entries = new ArrayList<>();
                for (YamlMap.Entry e : map.entries()) {
                    entries.add(quote(e.name()) + ": " + nested(e.value()));
                }
                yield "{" + String.join(", ", entries) + "}";
            }
        };
    }

    /** A number or boolean by its value: {@code 0x1F} reads 31, {@code True} and {@code yes} read true. */
    private static String plain(YamlScalar s) {
        Boolean bool = PsychBoolean.of(s);
        return bool != null ? bool.toString() : String.valueOf(s.toPlain());
    }

    /** {@code text} as a double-quoted string that JSON and YAML both read back exactly. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}

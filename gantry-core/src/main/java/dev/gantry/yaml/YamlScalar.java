package dev.gantry.yaml;

import dev.gantry.diag.SourceRange;
import java.math.BigInteger;

/**
 * A scalar with the type the YAML 1.2 core schema gives it. Quoted scalars are always strings; a
 * plain {@code on} or {@code yes} is a string too (YAML 1.2, unlike 1.1), which is what lets
 * GitHub's {@code on:} key work.
 *
 * @param value the scalar's text after YAML unescaping, never null ({@code ""} for an empty value)
 * @param type  the resolved type
 * @param plain true when the scalar was written without quotes or block style
 * @param tag   a non-standard explicit tag, or null
 * @param range where it stands
 */
public record YamlScalar(String value, Type type, boolean plain, String tag, SourceRange range) implements YamlNode {

    /** The core schema's types. */
    public enum Type { STRING, INT, FLOAT, BOOL, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return switch (type) {
            case STRING -> "a string";
            case INT, FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "null";
        };
    }

    @Override
    public Object toPlain() {
        return switch (type) {
            case STRING -> value;
            case NULL -> null;
            case BOOL -> Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
            case INT -> parseInt(value);
            case FLOAT -> parseFloat(value);
        };
    }

    private static Object parseInt(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger big;
        if (t.startsWith("0x")) {
            big = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            big = new BigInteger(t.substring(2), 8);
        } else {
            big = new BigInteger(t);
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static Double parseFloat(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}

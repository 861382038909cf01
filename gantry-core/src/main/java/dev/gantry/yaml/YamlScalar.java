package dev.gantry.yaml;

import dev.gantry.diag.SourceRange;
import java.math.BigInteger;

/**
 * A scalar with the type the YAML 1.2 core schema gives it. Quoted scalars are always strings; a
 * plain {@code on} or {@code yes} is a string too (YAML 1.2, unlike 1.1), which is what lets
 * GitHub's {@code on:} key work.
 *
 * <p>{@link #positionOf} maps a character of the value back to the file, so that a problem inside
 * a value (an expression's syntax error) can be shown where it is written.
 *
 * @param value       the scalar's text after YAML unescaping, never null ({@code ""} for an empty value)
 * @param type        the resolved type
 * @param style       how it was written
 * @param tag         a non-standard explicit tag, or null
 * @param range       where it stands; for a block scalar it starts at the {@code |} or {@code >}
 * @param blockIndent for a literal block scalar, the 0-based column where its content lines start;
 *                    -1 for every other style or when unknown
 */
public record YamlScalar(String value, Type type, Style style, String tag, SourceRange range, int blockIndent)
        implements YamlNode {

    /** The core schema's types. */
    public enum Type { STRING, INT, FLOAT, BOOL, NULL }

    /** The five ways YAML writes a scalar (yaml.org/spec/1.2.2, "7.3 Flow Scalar Styles", "8.1 Block Scalar Styles"). */
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    /** A scalar that is not a block scalar. */
    public YamlScalar(String value, Type type, Style style, String tag, SourceRange range) {
        this(value, type, style, tag, range, -1);
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    /** True when the scalar was written without quotes or block style. */
    public boolean plain() {
        return style == Style.PLAIN;
    }

    /**
     * Where the character at {@code offset} of {@link #value()} is written in the file, as a point.
     * Exact for a plain or quoted scalar on one line (a single-quoted {@code ''} counts as two
     * characters of the file) and for a literal block scalar, whose value line {@code k} is the
     * file's {@code k}-th line after the indicator, starting at {@link #blockIndent()}. Where the
     * value was changed on the way in — escapes in double quotes, folded lines — it is the start
     * of the scalar. An offset outside the value is the start too.
     */
    public SourceRange positionOf(int offset) {
        SourceRange start = SourceRange.at(range.file(), range.line(), range.column());
        if (offset < 0 || offset > value.length()) {
            return start;
        }
        if (style == Style.LITERAL) {
            if (blockIndent < 0) {
                return start;
            }
            int lineStart = value.lastIndexOf('\n', offset - 1) + 1;
            int line = range.line() + 1 + (int) value.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            return SourceRange.at(range.file(), line, blockIndent + 1 + value.codePointCount(lineStart, offset));
        }
        if (range.line() != range.endLine() || value.indexOf('\n') >= 0) {
            return start;
        }
        int written = range.endColumn() - range.column();
        int before = value.codePointCount(0, offset);
        int length = value.codePointCount(0, value.length());
        return switch (style) {
            case PLAIN -> SourceRange.at(range.file(), range.line(), range.column() + before);
            case SINGLE_QUOTED -> written == length + 2 + quotes(value.length())
                    ? SourceRange.at(range.file(), range.line(), range.column() + 1 + before + quotes(offset))
                    : start;
            case DOUBLE_QUOTED -> written == length + 2
                    ? SourceRange.at(range.file(), range.line(), range.column() + 1 + before)
                    : start;
            case LITERAL, FOLDED -> start;
        };
    }

    /** How many {@code '} stand in the value before {@code end}: each was written {@code ''}. */
    private int quotes(int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (value.charAt(i) == '\'') {
                n++;
            }
        }
        return n;
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

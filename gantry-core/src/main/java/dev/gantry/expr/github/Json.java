package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * JSON for {@code toJSON} and {@code fromJSON} ("Evaluate expressions in workflows and actions#tojson",
 * "#fromjson"), in the runner's shapes.
 *
 * <p>Writing: pretty-printed with two-space indentation, {@code "key": value} pairs, empty arrays
 * and objects as {@code []} and {@code {}}, numbers in the runner's number format, strings escaped
 * for {@code "}, {@code \}, control characters (as {@code \n} and friends or a six-character escape of the form backslash-u-00xx) and
 * U+0085, U+2028, U+2029; other characters are written as they are. Values that are neither
 * primitives, lists nor maps are written as {@code {}}, as the runner does for objects it cannot
 * traverse.
 *
 * <p>Reading: strict JSON (RFC 8259) into the value model of {@link Values}: numbers become
 * {@link Double}, objects keep their key order, and of two keys that differ only in letter case the
 * first wins (the runner's objects are case-insensitive). Nesting is limited to 64 levels, like the
 * runner's JSON reader. The runner's default reader also tolerates comments and single-quoted
 * strings; Gantry does not, so a workflow that relies on them gets a clear error instead.
 */
final class Json {

    static final int MAX_READ_DEPTH = 64;
    /** Guards {@link #write} against cyclic or absurdly deep structures. */
    private static final int MAX_WRITE_DEPTH = 1_000;

    private Json() {
    }

    /** A syntax problem in {@code fromJSON} input, at a 0-based character position. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        SyntaxError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** The pretty JSON text of a value, or null when it nests deeper than any real context does. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        return write(sb, value, 0) ? sb.toString() : null;
    }

    private static boolean write(StringBuilder sb, Object value, int level) {
        if (level > MAX_WRITE_DEPTH) {
            return false;
        }
        switch (value) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b ? "true" : "false");
            case Number n -> sb.append(Numbers.format(n.doubleValue()));
            case String s -> quote(sb, s);
            case List<?> list -> {
                if (list.isEmpty()) {
                    sb.append("[]");
                    return true;
                }
                sb.append('[');
                boolean first = true;
                for (Object item : list) {
                    sb.append(first ? "\n" : ",\n");
                    first = false;
                    indent(sb, level + 1);
                    if (!write(sb, item, level + 1)) {
                        return false;
                    }
                }
                sb.append('\n');
                indent(sb, level);
                sb.append(']');
            }
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    sb.append("{}");
                    return true;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    sb.append(first ? "\n" : ",\n");
                    first = false;
                    indent(sb, level + 1);
                    quote(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    if (!write(sb, e.getValue(), level + 1)) {
                        return false;
                    }
                }
                sb.append('\n');
                indent(sb, level);
                sb.append('}');
            }
            default -> sb.append("{}");
        }
        return true;
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append(" ".repeat(level * 2));
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** The value of a JSON text. */
    static Object parse(String text) throws SyntaxError {
        Reader r = new Reader(text);
        r.skipWhitespace();
        if (r.pos >= text.length()) {
            throw new SyntaxError("expected a JSON value but the text is empty", 0);
        }
        Object v = r.value(0);
        r.skipWhitespace();
        if (r.pos < text.length()) {
            throw new SyntaxError("unexpected '" + text.charAt(r.pos) + "' after the JSON value", r.pos);
        }
        return v;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Object value(int depth) throws SyntaxError {
            if (depth >= MAX_READ_DEPTH) {
                throw new SyntaxError("JSON nested more than " + MAX_READ_DEPTH + " levels deep", pos);
            }
            if (pos >= s.length()) {
                throw new SyntaxError("unexpected end of JSON", pos);
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw new SyntaxError("unexpected '" + c + "' in JSON", pos);
                }
            };
        }

        private Map<String, Object> object(int depth) throws SyntaxError {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw new SyntaxError("expected a property name in double quotes", pos);
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object v = value(depth + 1);
                if (seen.add(key)) {
                    map.put(key, v);
                }
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) throws SyntaxError {
            pos++;
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() throws SyntaxError {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new SyntaxError("control character in a JSON string", pos - 1);
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new SyntaxError("incomplete \\u escape in a JSON string", pos - 2);
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(s.charAt(pos + i), 16);
                            if (d < 0) {
                                throw new SyntaxError("bad \\u escape in a JSON string", pos - 2);
                            }
                            code = code * 16 + d;
                        }
                        pos += 4;
                        sb.append((char) code);
                    }
                    default -> throw new SyntaxError("bad escape \\" + e + " in a JSON string", pos - 2);
                }
            }
            throw new SyntaxError("unclosed JSON string", start);
        }

        private Double number() throws SyntaxError {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw new SyntaxError("bad JSON number", start);
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw new SyntaxError("bad JSON number", start);
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw new SyntaxError("bad JSON number", start);
                }
                digits();
            }
            return Double.parseDouble(s.substring(start, pos));
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private Object word(String w, Object v) throws SyntaxError {
            if (!s.startsWith(w, pos)) {
                throw new SyntaxError("unexpected '" + s.charAt(pos) + "' in JSON", pos);
            }
            pos += w.length();
            return v;
        }

        private void expect(char c) throws SyntaxError {
            if (peek() != c) {
                throw new SyntaxError(pos >= s.length() ? "unexpected end of JSON"
                        : "expected '" + c + "' but found '" + s.charAt(pos) + "'", pos);
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }
    }
}

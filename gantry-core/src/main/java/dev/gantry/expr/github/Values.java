package dev.gantry.expr.github;

import java.util.List;

/**
 * The value model and its coercions. Expression values are plain Java objects: {@code null},
 * {@link Boolean}, any {@link Number} (read as a double; the evaluator itself produces
 * {@link Double}), {@link String}, {@link List} (an array) and {@link Map} with string keys (an
 * object, whose properties are looked up case-insensitively). Anything else counts as an object.
 *
 * <p>Sources: "Evaluate expressions in workflows and actions#literals" (falsy values),
 * "#operators" (loose equality: mismatched types become numbers — null 0, booleans 0/1, strings
 * parsed as numbers with '' as 0, arrays and objects NaN; NaN never compares; strings compare
 * ignoring case; arrays and objects are equal only when they are the same instance) and
 * "#functions" (conversion to string). Where the page is silent the runner's rules apply: values of
 * different kinds that are not coerced (an object and a string) are neither equal nor ordered;
 * {@code false < true}; strings order by their upper-cased characters.
 */
public final class Values {

    /** The kinds of values, as the runner names them. */
    public enum Kind { NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT }

    private Values() {
    }

    public static Kind kind(Object v) {
        if (v == null) {
            return Kind.NULL;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (v instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (v instanceof Number) {
            return Kind.NUMBER;
        }
        if (v instanceof List<?>) {
            return Kind.ARRAY;
        }
        return Kind.OBJECT;
    }

    /** Null, booleans, numbers and strings. */
    public static boolean isPrimitive(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Number;
    }

    /** False for {@code false}, {@code 0}, {@code -0}, {@code NaN}, {@code ''} and {@code null}; true otherwise. */
    public static boolean isTruthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Number n -> {
                double d = n.doubleValue();
                yield d != 0 && !Double.isNaN(d);
            }
            default -> true;
        };
    }

    /**
     * The value as a string, as functions and interpolation see it: null {@code ''}, booleans
     * {@code 'true'}/{@code 'false'}, numbers in the runner's format ({@link Numbers}), arrays
     * {@code 'Array'}, objects {@code 'Object'}.
     */
    public static String toStr(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Number n -> Numbers.format(n.doubleValue());
            case List<?> l -> "Array";
            default -> "Object";
        };
    }

    /**
     * The value as {@code toJSON} writes it: pretty JSON with two-space indentation, numbers in the
     * runner's format (so NaN and Infinity appear as such). Structures nested more than 1,000 levels
     * deep (only a cyclic map could be) are written as null.
     */
    public static String toJson(Object v) {
        String json = Json.write(v);
        return json == null ? "null" : json;
    }

    /** The value as a number: null 0, booleans 0/1, strings parsed (''→0, else NaN when not a number), others NaN. */
    public static double toNumber(Object v) {
        return switch (v) {
            case null -> 0d;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1d : 0d;
            case String s -> Numbers.parse(s);
            default -> Double.NaN;
        };
    }

    /** Loose equality ({@code ==}). */
    public static boolean looseEquals(Object a, Object b) {
        return compare(a, b) == EQUAL;
    }

    /** {@code a > b} with the documented coercions; false whenever NaN or mismatched kinds are involved. */
    public static boolean greater(Object a, Object b) {
        return compare(a, b) == GREATER;
    }

    /** {@code a < b} with the documented coercions. */
    public static boolean less(Object a, Object b) {
        return compare(a, b) == LESS;
    }

    private static final int LESS = -1;
    private static final int EQUAL = 0;
    private static final int GREATER = 1;
    /** Neither equal nor ordered: NaN, or kinds that do not coerce, or two different arrays or objects. */
    private static final int UNORDERED = 2;

    /** One of LESS, EQUAL, GREATER or UNORDERED, after coercing mismatched kinds to numbers as the runner does. */
    private static int compare(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            boolean toNumbers = (ka == Kind.NUMBER && kb == Kind.STRING) || (ka == Kind.STRING && kb == Kind.NUMBER)
                    || ka == Kind.BOOLEAN || ka == Kind.NULL || kb == Kind.BOOLEAN || kb == Kind.NULL;
            if (!toNumbers) {
                return UNORDERED;
            }
            return numbers(toNumber(a), toNumber(b));
        }
        return switch (ka) {
            case NULL -> EQUAL;
            case NUMBER -> numbers(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case STRING -> Integer.signum(compareIgnoreCase((String) a, (String) b));
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case ARRAY, OBJECT -> a == b ? EQUAL : UNORDERED;
        };
    }

    private static int numbers(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return UNORDERED;
        }
        return x < y ? LESS : x > y ? GREATER : EQUAL;
    }

    /** Ordinal comparison of upper-cased characters, like .NET's {@code OrdinalIgnoreCase}. */
    static int compareIgnoreCase(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                x = Character.toUpperCase(x);
                y = Character.toUpperCase(y);
                if (x != y) {
                    return x - y;
                }
            }
        }
        return a.length() - b.length();
    }
}

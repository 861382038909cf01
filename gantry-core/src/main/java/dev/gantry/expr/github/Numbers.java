package dev.gantry.expr.github;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the runner reads and writes them.
 *
 * <p>Reading ("Evaluate expressions in workflows and actions#operators": strings are "parsed from
 * any legal JSON number format, otherwise NaN", '' is 0): surrounding whitespace is ignored; an
 * optional sign, digits with an optional decimal point (a leading {@code .5} and a trailing
 * {@code 5.} are accepted) and an optional exponent; {@code 0x} with up to eight hex digits and
 * {@code 0o} with octal digits, both read as a 32-bit two's-complement integer as the runner does;
 * {@code Infinity} and {@code -Infinity}. Anything else is NaN.
 *
 * <p>Writing ("#functions": "decimal format, exponential for large numbers"): the runner's
 * {@code G15} format — at most 15 significant digits, no trailing zeros, plain notation for decimal
 * exponents from -5 (exclusive) to 15 (exclusive), otherwise {@code 1.5E+15} / {@code 1E-05}; -0 is
 * written {@code 0}.
 */
final class Numbers {

    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** The number a string denotes, or NaN. Never throws. */
    static double parse(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return 0d;
        }
        String t = s.substring(from, to);
        if (isDecimal(t)) {
            return Double.parseDouble(t);
        }
        if (t.length() > 2 && t.charAt(0) == '0' && t.charAt(1) == 'x') {
            return radix32(t.substring(2), 16, 8);
        }
        if (t.length() > 2 && t.charAt(0) == '0' && t.charAt(1) == 'o') {
            return radix32(t.substring(2), 8, 11);
        }
        return switch (t) {
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** {@code [+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)?}, checked by hand because Java's own parser accepts more. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (t.charAt(i) == '+' || t.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Digits in {@code radix} as a 32-bit two's-complement integer (so {@code ffffffff} is -1), or NaN. */
    private static double radix32(String digits, int radix, int maxSignificant) {
        long value = 0;
        int significant = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'f') {
                return Double.NaN;
            }
            if (significant > 0 || d != 0) {
                significant++;
            }
            if (significant > maxSignificant) {
                return Double.NaN;
            }
            value = value * radix + d;
        }
        if (value > 0xFFFF_FFFFL) {
            return Double.NaN;
        }
        return (int) value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The runner's number-to-string conversion (G15). */
    static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = new BigDecimal(d).round(FIFTEEN_DIGITS).stripTrailingZeros();
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (exponent > -5 && exponent < 15) {
            return rounded.toPlainString();
        }
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('E').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    /** Whitespace as .NET's {@code Char.IsWhiteSpace} defines it, which the runner uses to trim and to skip. */
    static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        return c == '\u0085' || c == '\u00A0'
                || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}

package dev.gantry.gitlab;

import dev.gantry.yaml.YamlScalar;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The value GitLab gives a plain scalar that its YAML parser reads as a base 60 number, such as
 * {@code 10:30}. GitLab reads the file with Ruby's Psych ("CI/CD variables": "Variables are
 * internally parsed by the Psych YAML parser"), which keeps YAML 1.1's sexagesimal numbers
 * (yaml.org/type/int.html, yaml.org/type/float.html) in its own way (ruby/psych,
 * {@code ScalarScanner#tokenize}): two or three {@code :}-separated parts, the first digits with an
 * optional sign, the others {@code 0}–{@code 59}; the parts are weighted 3600, 60 and 1 from the
 * left, so {@code 1:30:15} is {@code 5415} but {@code 10:30} is {@code 37800} (10 h 30 min, not
 * 10 min 30 s). With a fraction on the last part ({@code 1:30.5}) the number is a float
 * ({@code 5430.0}). YAML 1.2, Gantry's YAML layer, reads both as strings.
 *
 * <p>Each part is read as Ruby's {@code String#to_i}/{@code to_f} read it: a single {@code _}
 * between digits is dropped, and reading stops at anything else. Never throws.
 */
final class PsychBase60 {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}");
    private static final Pattern FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\\.[0-9_]*");
    /** Psych weights part {@code i} by {@code 60 ** |i - 2|}, whether there are two parts or three. */
    private static final int[] WEIGHTS = {3600, 60, 1};

    private PsychBase60() {
    }

    /** The decimal text of a base 60 integer, or null when the scalar is none. */
    static String integer(YamlScalar scalar) {
        if (!scalar.plain() || !INTEGER.matcher(scalar.value()).matches()) {
            return null;
        }
        String[] parts = scalar.value().split(":");
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < parts.length; i++) {
            sum = sum.add(new BigInteger(rubyNumber(parts[i], false)).multiply(BigInteger.valueOf(WEIGHTS[i])));
        }
        return sum.toString();
    }

    /** Ruby's text of a base 60 float ({@link PsychFloat}), or null when the scalar is none. */
    static String floating(YamlScalar scalar) {
        if (!scalar.plain() || !FLOAT.matcher(scalar.value()).matches()) {
            return null;
        }
        String[] parts = scalar.value().split(":");
        double sum = 0;
        for (int i = 0; i < parts.length; i++) {
            sum += Double.parseDouble(rubyNumber(parts[i], true)) * WEIGHTS[i];
        }
        return PsychFloat.rubyText(sum);
    }

    /**
     * The leading number of {@code text} as Ruby's {@code to_i} ({@code fraction} false) or
     * {@code to_f} reads it, in a form Java parses: sign, digits, and for a fraction the digits after
     * a point. The patterns above guarantee at least one digit up front.
     */
    private static String rubyNumber(String text, boolean fraction) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            out.append(text.charAt(0));
            i++;
        }
        i = digits(text, i, out);
        if (fraction && i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            out.append('.');
            digits(text, i + 1, out);
        }
        return out.toString();
    }

    /** Appends the digits from {@code from}, dropping a {@code _} between two digits; returns where they end. */
    private static int digits(String text, int from, StringBuilder out) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                out.append(c);
                i++;
            } else if (c == '_' && i > from && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

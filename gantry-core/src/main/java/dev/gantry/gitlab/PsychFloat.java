package dev.gantry.gitlab;

import dev.gantry.yaml.YamlScalar;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text GitLab makes of a plain scalar that its YAML parser reads as a float: Ruby's
 * {@code Float#to_s} of the value. A CI/CD variable's value may be any scalar, turned into a string
 * (GitLab merge request 146503, "Use new ScalarValidator for variables CI keyword": "Product gave us
 * the green light to allow variable values to be any scalar"), so {@code VERSION: 3.10} gives {@code 3.1},
 * and {@code 18.04} stays {@code 18.04} ("CI/CD variables": "Variables are internally parsed by the
 * Psych YAML parser, so quoted and unquoted variables might be parsed differently").
 *
 * <p>Psych's floats (YAML 1.1, yaml.org/type/float.html, as Psych's scalar scanner reads them): an
 * optional sign, digits (which may be grouped with {@code _} or {@code ,}, both dropped), a point,
 * digits, and an optional exponent whose sign is required ({@code 1.5e+3}; {@code 1.5e3} and
 * {@code 1e+3} stay strings); {@code .inf}, {@code +.inf}, {@code -.inf} and {@code .nan} in any case.
 *
 * <p>Ruby ({@code Float#to_s}) writes the shortest digits that read back as the same double, in plain
 * notation ({@code 1500.0}, {@code 0.0001}) unless the value is below 0.0001 or would need zeros
 * padded past 15 integer digits; then as {@code d.ddde+XX} ({@code 1.0e+15}, {@code 1.0e-05}). The
 * infinities and NaN are {@code Infinity}, {@code -Infinity} and {@code NaN}. Never throws.
 */
final class PsychFloat {

    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_,]*)?\\.[0-9]*(?:[eE][-+][0-9]+)?");
    private static final Pattern MANTISSA_DIGIT = Pattern.compile("[-+]?[0-9]*\\.?[0-9]");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.inf", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAN = Pattern.compile("\\.nan", Pattern.CASE_INSENSITIVE);

    /** Ruby's {@code DBL_DIG}: up to this many integer digits are written without an exponent. */
    private static final int PLAIN_DIGITS = 15;

    private PsychFloat() {
    }

    /** Ruby's text of the float the scalar is to GitLab, or null when GitLab reads something else. */
    static String value(YamlScalar scalar) {
        if (!scalar.plain()) {
            return null;
        }
        String text = scalar.value();
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? "-Infinity" : "Infinity";
        }
        if (NAN.matcher(text).matches()) {
            return "NaN";
        }
        String number = text.replace("_", "").replace(",", "");
        if (!FLOAT.matcher(text).matches() || !MANTISSA_DIGIT.matcher(number).lookingAt()) {
            // "." or "-.e+1": no digit, a string to Psych.
            return null;
        }
        return rubyText(Double.parseDouble(number));
    }

    /** Ruby's {@code Float#to_s}. */
    static String rubyText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String sign = Math.copySign(1.0, d) < 0 ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        // Double.toString gives the shortest digits that read back as d (JDK 19+), as Ruby's dtoa does.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int point = digits.length() - exact.scale();
        if (point > 0 && point < digits.length()) {
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        if (point > 0 && point <= PLAIN_DIGITS) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        if (point <= 0 && point > -4) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        String mantissa = digits.substring(0, 1) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return sign + mantissa + "e" + String.format(Locale.ROOT, "%+03d", point - 1);
    }
}

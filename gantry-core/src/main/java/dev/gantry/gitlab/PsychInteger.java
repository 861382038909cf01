package dev.gantry.gitlab;

import dev.gantry.yaml.YamlScalar;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The value GitLab gives a plain (unquoted) YAML number used as a CI/CD variable. GitLab reads the
 * file with Ruby's Psych, a YAML 1.1 parser, and takes the variable's value from the integer it
 * resolves ("CI/CD variables": "Variables are internally parsed by the Psych YAML parser ...
 * {@code VAR1: 012345} is interpreted as an octal value, so the value becomes {@code 5349} ...
 * {@code VAR1: 019} is parsed as the string {@code "019"}"). Gantry's YAML layer follows YAML 1.2,
 * which reads such a scalar as a decimal or as text, so the GitLab front end converts it here.
 *
 * <p>Psych's integers: an optional sign, then {@code 0b} and binary digits, {@code 0} and octal
 * digits, {@code 0x} and hex digits, or a decimal without a leading zero; {@code _} (and, between
 * decimal digits, {@code ,}) may group digits and are dropped. Anything else, and every quoted or
 * block scalar, is no integer to Psych. Never throws.
 */
final class PsychInteger {

    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(?:0b[01_,]+|0[0-7_,]+|(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|0x[0-9a-fA-F_,]+)");

    private PsychInteger() {
    }

    /** The decimal digits of the Psych integer the scalar is, or null when Psych reads something else. */
    static String value(YamlScalar scalar) {
        String text = scalar.value();
        if (!scalar.plain() || !INTEGER.matcher(text).matches()) {
            return null;
        }
        String digits = text.replace("_", "").replace(",", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
        }
        if (digits.isEmpty()) {
            // "0b_" and the like: Ruby refuses the number, and Psych keeps the string.
            return null;
        }
        BigInteger n = new BigInteger(digits, radix);
        return (negative ? n.negate() : n).toString();
    }
}

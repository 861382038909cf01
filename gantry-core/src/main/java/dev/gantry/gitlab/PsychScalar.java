package dev.gantry.gitlab;

import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;

/**
 * A non-null scalar as GitLab's YAML parser, Ruby's Psych (YAML 1.1), resolves it, and the text
 * GitLab makes of that value where it wants a string (Ruby's {@code to_s}): "CI/CD variables":
 * "Variables are internally parsed by the Psych YAML parser, so quoted and unquoted variables might
 * be parsed differently". Quoted and block scalars are strings, kept as written.
 *
 * @param kind what Psych reads
 * @param text the value's text to GitLab: {@code yes} is {@code true} ({@link PsychBoolean}),
 *             {@code 3.10} is {@code 3.1} ({@link PsychFloat}), {@code 012345} is {@code 5349}
 *             ({@link PsychInteger}), {@code 1:30} is {@code 5400} ({@link PsychBase60})
 */
record PsychScalar(Kind kind, String text) {

    /** The Ruby classes that matter to GitLab's checks. */
    enum Kind { BOOLEAN, FLOAT, INTEGER, STRING }

    /**
     * True when GitLab reads the scalar as a string: not null, and no boolean or number to Psych
     * ({@code on}, {@code no} are booleans to GitLab and {@code 1_000} an integer, so a keyword that
     * takes a string refuses them unquoted, while {@code 1e3} is a string to it).
     */
    static boolean isString(YamlScalar scalar) {
        return !scalar.isNull() && of(scalar).kind() == Kind.STRING;
    }

    /** True when GitLab reads the scalar as a string or a number: neither a YAML null nor a boolean. */
    static boolean isText(YamlScalar scalar) {
        return !scalar.isNull() && PsychBoolean.of(scalar) == null;
    }

    /**
     * How a message names {@code node}'s type: {@link YamlNode#describe()}, except that a plain scalar
     * that YAML 1.2 calls a string and Psych reads as a boolean or a number is named as what GitLab
     * reads: {@code a boolean ('on' is true to GitLab's YAML 1.1 parser; quote it for a string)}.
     */
    static String describe(YamlNode node) {
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING && !s.isNull()) {
            PsychScalar read = of(s);
            if (read.kind() != Kind.STRING) {
                return (read.kind() == Kind.BOOLEAN ? "a boolean" : "a number") + " ('" + s.value() + "' is "
                        + read.text() + " to GitLab's YAML 1.1 parser; quote it for a string)";
            }
        }
        return node.describe();
    }

    /** The scalar as Psych reads it; {@code scalar} must not be a YAML null. */
    static PsychScalar of(YamlScalar scalar) {
        Boolean bool = PsychBoolean.of(scalar);
        if (bool != null) {
            return new PsychScalar(Kind.BOOLEAN, bool.toString());
        }
        String integer = PsychBase60.integer(scalar);
        if (integer == null) {
            integer = PsychInteger.value(scalar);
        }
        if (integer != null) {
            return new PsychScalar(Kind.INTEGER, integer);
        }
        String number = PsychBase60.floating(scalar);
        if (number == null) {
            number = PsychFloat.value(scalar);
        }
        return number != null ? new PsychScalar(Kind.FLOAT, number) : new PsychScalar(Kind.STRING, scalar.value());
    }
}

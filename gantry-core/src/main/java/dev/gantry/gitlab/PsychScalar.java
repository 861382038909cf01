package dev.gantry.gitlab;

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
    enum Kind { BOOLEAN, FLOAT, STRING_OR_INTEGER }

    /** The scalar as Psych reads it; {@code scalar} must not be a YAML null. */
    static PsychScalar of(YamlScalar scalar) {
        Boolean bool = PsychBoolean.of(scalar);
        if (bool != null) {
            return new PsychScalar(Kind.BOOLEAN, bool.toString());
        }
        String base60 = PsychBase60.integer(scalar);
        if (base60 != null) {
            return new PsychScalar(Kind.STRING_OR_INTEGER, base60);
        }
        String number = PsychBase60.floating(scalar);
        if (number == null) {
            number = PsychFloat.value(scalar);
        }
        return number != null ? new PsychScalar(Kind.FLOAT, number)
                : new PsychScalar(Kind.STRING_OR_INTEGER, PsychInteger.value(scalar));
    }
}

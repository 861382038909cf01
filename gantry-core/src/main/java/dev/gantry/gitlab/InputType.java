package dev.gantry.gitlab;

import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;

/**
 * The types an input can require ("CI/CD YAML syntax reference#spec:inputs:type", "CI/CD
 * inputs#Input types"). A value matches its type by its YAML type, as written: a quoted
 * {@code '2'} is a string, not a number, and a plain {@code 1.0} is a number, not a string. A plain
 * {@code yes}, {@code no}, {@code on} or {@code off} is a boolean, as GitLab's YAML 1.1 parser reads
 * it ({@link PsychBoolean}). A YAML null (a {@code default:} without a value) matches every type
 * and means "no value".
 */
enum InputType {
    STRING, NUMBER, BOOLEAN, ARRAY;

    /** The keyword as written in {@code spec:inputs:type}. */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type named {@code word}, or null. */
    static InputType of(String word) {
        for (InputType t : values()) {
            if (t.word().equals(word)) {
                return t;
            }
        }
        return null;
    }

    /** True when {@code value} is of this type or a YAML null. */
    boolean accepts(YamlNode value) {
        if (Reader.absent(value)) {
            return true;
        }
        return switch (this) {
            case STRING -> value instanceof YamlScalar s && PsychScalar.isString(s);
            case NUMBER -> value instanceof YamlScalar s
                    && (s.type() == YamlScalar.Type.INT || s.type() == YamlScalar.Type.FLOAT);
            case BOOLEAN -> value instanceof YamlScalar s && PsychBoolean.of(s) != null;
            case ARRAY -> value instanceof YamlSeq;
        };
    }
}

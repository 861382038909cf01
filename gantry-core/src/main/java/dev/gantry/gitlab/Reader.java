package dev.gantry.gitlab;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of YAML nodes and reports what does not fit, so that parsers can say
 * "read the stage" instead of repeating type checks. Every method treats a missing node and a YAML
 * null alike (as "not written") and returns null then; a wrong type is reported once, at the value,
 * as {@code 'NAME' must be EXPECTED, not ACTUAL} (rule {@value RuleIds#WRONG_TYPE}), and also
 * returns null, so callers go on with the default.
 */
final class Reader {

    private final Diagnostics diagnostics;

    Reader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    void error(YamlNode at, String rule, String message) {
        diagnostics.error(at.range(), rule, message);
    }

    void warning(YamlNode at, String rule, String message) {
        diagnostics.warning(at.range(), rule, message);
    }

    /** True for a missing node or a YAML null: GitLab treats both as "not written". */
    static boolean absent(YamlNode node) {
        return node == null || node instanceof YamlScalar s && s.isNull();
    }

    void wrongType(YamlNode node, String name, String expected) {
        error(node, RuleIds.WRONG_TYPE, "'" + name + "' must be " + expected + ", not " + PsychScalar.describe(node));
    }

    /** Reports every key of {@code map} that {@code allowed} lacks, with a "did you mean" hint. */
    void checkKeys(YamlMap map, Set<String> allowed, String where) {
        for (YamlMap.Entry e : map.entries()) {
            if (!allowed.contains(e.name())) {
                error(e.key(), RuleIds.UNKNOWN_KEYWORD, "unknown keyword '" + e.name() + "' in " + where
                        + Closest.hint(e.name(), allowed));
            }
        }
    }

    /**
     * A string; numbers are accepted as written (YAML has no reason to quote {@code 3.11}), but not a
     * plain {@code on} or {@code no}, which GitLab's YAML 1.1 parser reads as a boolean ({@link PsychBoolean}).
     */
    String string(YamlNode node, String name) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && PsychScalar.isText(s)) {
            return s.value();
        }
        wrongType(node, name, "a string");
        return null;
    }

    /**
     * A boolean as GitLab's YAML 1.1 parser reads it: besides {@code true} and {@code false}, a plain
     * {@code yes}, {@code no}, {@code on} or {@code off} in any case ({@link PsychBoolean}).
     */
    Boolean bool(YamlNode node, String name) {
        if (absent(node)) {
            return null;
        }
        Boolean value = PsychBoolean.of(node);
        if (value != null) {
            return value;
        }
        wrongType(node, name, "true or false");
        return null;
    }

    /** An integer; values beyond {@code long} are clamped, since every limit here is far smaller. */
    Long integer(YamlNode node, String name) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INT) {
            Object v = s.toPlain();
            if (v instanceof BigInteger big) {
                return big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            return (Long) v;
        }
        wrongType(node, name, "a whole number");
        return null;
    }

    YamlMap map(YamlNode node, String name) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlMap m) {
            return m;
        }
        wrongType(node, name, "a mapping");
        return null;
    }

    /**
     * A sequence of strings, or (when {@code single} is true) one string standing for a sequence of
     * one. Items of the wrong type are reported and left out.
     */
    List<String> strings(YamlNode node, String name, boolean single) {
        if (absent(node)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && PsychScalar.isText(s)) {
                    out.add(s.value());
                } else {
                    wrongType(item, name, "a sequence of strings");
                }
            }
            return out;
        }
        if (single && node instanceof YamlScalar s && PsychScalar.isText(s)) {
            out.add(s.value());
            return out;
        }
        wrongType(node, name, single ? "a string or a sequence of strings" : "a sequence of strings");
        return null;
    }

    /** A string that must be one of {@code values} (rule {@value RuleIds#INVALID_VALUE} otherwise). */
    String oneOf(YamlNode node, String name, Set<String> values) {
        String value = string(node, name);
        if (value != null && !values.contains(value)) {
            error(node, RuleIds.INVALID_VALUE, "'" + name + "' must be one of " + String.join(", ", values)
                    + ", not '" + value + "'" + Closest.hint(value, values));
            return null;
        }
        return value;
    }

    /** One whole number or a sequence of them, as {@code exit_codes} takes. */
    List<Integer> integers(YamlNode node, String name) {
        if (absent(node)) {
            return List.of();
        }
        List<YamlNode> items = node instanceof YamlSeq seq ? seq.items() : List.of(node);
        List<Integer> out = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlScalar s && s.type() == YamlScalar.Type.INT && s.toPlain() instanceof Long v
                    && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                out.add(v.intValue());
            } else {
                wrongType(item, name, "a whole number or a sequence of whole numbers");
            }
        }
        return out;
    }

    /**
     * A human duration such as {@code 1 week} (see {@link Durations}), as written, or also
     * {@code never} when {@code never} is true; reports anything else as {@value RuleIds#INVALID_VALUE}.
     */
    String duration(YamlNode node, String name, boolean never) {
        String text = string(node, name);
        if (text != null && !(never && text.strip().equals("never")) && Durations.parse(text) == null) {
            error(node, RuleIds.INVALID_VALUE, "'" + name + "' must be a duration such as "
                    + (never ? "'1 week' or 'never'" : "'1h 30m'") + ", not '" + text + "'");
            return null;
        }
        return text;
    }
}

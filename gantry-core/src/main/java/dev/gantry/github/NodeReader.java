package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.expr.github.Values;
import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of YAML nodes and reports a {@code wrong-type} diagnostic at the node
 * when the shape is not the one "Workflow syntax for GitHub Actions" gives. Every method accepts
 * a missing node (null) or a YAML {@code null} and then returns "absent" (null or empty), so that
 * callers decide themselves whether a key is required.
 *
 * <p>GitHub reads every scalar where it expects a string, but a boolean or a number must be
 * written as one, or as a {@code ${{ }}} expression that decides it at run time. In the maps of
 * strings ({@code env}, {@code with}, {@code outputs}, {@code secrets}) an unquoted number or
 * boolean is first read as one and then written back as text, which changes how some look:
 * {@code 5.10} becomes {@code 5.1}, {@code 6.0} becomes {@code 6}, {@code 0x1F} becomes {@code 31}
 * and {@code True} becomes {@code true} (see {@link #mapText}).
 *
 * <p>{@code what} arguments name the place for messages, for example {@code 'env' of job 'build'}.
 */
final class NodeReader {

    private final Diagnostics diagnostics;

    NodeReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    /** {@code 'key' of where}: how messages name a key of a mapping. */
    static String keyOf(String key, String where) {
        return "'" + key + "' of " + where;
    }

    /** True for a missing node and for a YAML null. */
    static boolean absent(YamlNode node) {
        return node == null || node instanceof YamlScalar s && s.isNull();
    }

    void wrongType(YamlNode node, String what, String expected) {
        diagnostics.error(node.range(), Rules.WRONG_TYPE, what + " must be " + expected + ", not " + node.describe());
    }

    /** Reports the entry's value as wrong; at the key when the value is an empty (null) one, which has no text to point at. */
    void wrongType(YamlMap.Entry entry, String what, String expected) {
        YamlNode value = entry.value();
        diagnostics.error(absent(value) ? entry.key().range() : value.range(), Rules.WRONG_TYPE,
                what + " must be " + expected + ", not " + value.describe());
    }

    /** The mapping, or null (reported unless absent). */
    YamlMap map(YamlNode node, String what) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlMap map) {
            return map;
        }
        wrongType(node, what, "a mapping");
        return null;
    }

    /** The text of a scalar of any type, or null (reported unless absent). */
    String text(YamlNode node, String what) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s) {
            return s.value();
        }
        wrongType(node, what, "a string");
        return null;
    }

    /** One scalar or a list of scalars, as texts; empty when absent or wrong. */
    List<String> texts(YamlNode node, String what) {
        return scalars(node, what).stream().map(YamlScalar::value).toList();
    }

    /** One scalar or a list of scalars, as nodes (for positions); empty when absent or wrong. */
    List<YamlScalar> scalars(YamlNode node, String what) {
        List<YamlScalar> out = new ArrayList<>();
        if (absent(node)) {
            return out;
        }
        if (node instanceof YamlScalar s) {
            out.add(s);
        } else if (node instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && !s.isNull()) {
                    out.add(s);
                } else {
                    wrongType(item, "an item of " + what, "a string");
                }
            }
        } else {
            wrongType(node, what, "a string or a list of strings");
        }
        return out;
    }

    /** A boolean as {@code true}/{@code false}, or an expression as written; null when absent or wrong. */
    String flag(YamlNode node, String what) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.BOOL) {
            return s.value().toLowerCase(java.util.Locale.ROOT);
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING && ExpressionText.contains(s.value())) {
            return s.value();
        }
        wrongType(node, what, "a boolean or an expression");
        return null;
    }

    /**
     * A number or an expression.
     *
     * @param number     the value when written as a number, else NaN
     * @param expression the expression when written as one, else null
     */
    record NumberValue(double number, String expression) {
    }

    /** A number or an expression; null when absent or wrong. */
    NumberValue number(YamlNode node, String what) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && (s.type() == YamlScalar.Type.INT || s.type() == YamlScalar.Type.FLOAT)
                && s.toPlain() instanceof Number n) {
            return new NumberValue(n.doubleValue(), null);
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING && ExpressionText.contains(s.value())) {
            return new NumberValue(Double.NaN, s.value());
        }
        wrongType(node, what, "a number or an expression");
        return null;
    }

    /** A number above zero or an expression, such as {@code timeout-minutes}; null when absent or wrong. */
    NumberValue positive(YamlNode node, String what) {
        NumberValue value = number(node, what);
        if (value != null && value.expression() == null && !(value.number() > 0)) {
            diagnostics.error(node.range(), Rules.INVALID_VALUE, what + " must be above zero");
            return null;
        }
        return value;
    }

    /** A number of zero or more or an expression, such as {@code max-parallel}; null when absent or wrong. */
    NumberValue notNegative(YamlNode node, String what) {
        NumberValue value = number(node, what);
        if (value != null && value.expression() == null && !(value.number() >= 0)) {
            diagnostics.error(node.range(), Rules.INVALID_VALUE, what + " must not be negative");
            return null;
        }
        return value;
    }

    /** {@code timeout-minutes} as a duration, or null when absent, wrong or an expression. */
    static Duration minutes(NumberValue value) {
        return value == null || value.expression() != null ? null
                : TimeoutMinutes.of(value.number());
    }

    /** A mapping of names to scalar values, as texts in document order (null values as ""). */
    Map<String, String> textMap(YamlNode node, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        YamlMap map = map(node, what);
        if (map == null) {
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            if (e.value() instanceof YamlScalar s) {
                out.put(e.name(), mapText(s));
            } else {
                wrongType(e.value(), keyOf(e.name(), what), "a string, a number or a boolean");
            }
        }
        return out;
    }

    /** An {@code env:} mapping as variables in document order, each at its key. */
    List<Variable> env(YamlNode node, String what) {
        List<Variable> out = new ArrayList<>();
        YamlMap map = map(node, what);
        if (map == null) {
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            if (e.value() instanceof YamlScalar s) {
                out.add(Variable.of(e.name(), mapText(s), e.key().range()));
            } else {
                wrongType(e.value(), "variable '" + e.name() + "' of " + what, "a string, a number or a boolean");
            }
        }
        return out;
    }

    /**
     * The text GitHub gives a scalar where a map of strings expects one: the value as read (YAML
     * 1.2 core schema, as {@link YamlScalar} types it) and then written as a string, the way
     * expressions write values ({@link Values#toStr}: numbers in 15 significant digits without
     * trailing zeros, booleans in lower case, null as ""). A quoted or block scalar keeps its text.
     * Users meet this as {@code FIL_C_VERSION: 0.680} arriving as {@code 0.68}, or
     * {@code xcode-version: 12.0} as {@code 12} (the runner's issue 849, "Workflow syntax for
     * GitHub Actions#env": quote such values to keep them as written).
     */
    static String mapText(YamlScalar s) {
        return switch (s.type()) {
            case STRING -> s.value();
            case NULL -> "";
            case INT, FLOAT, BOOL -> Values.toStr(s.toPlain());
        };
    }
}

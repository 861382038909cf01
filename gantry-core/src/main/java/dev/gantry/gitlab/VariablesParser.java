package dev.gantry.gitlab;

import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code variables:} at the top level, in a job, in {@code rules} and in services ("CI/CD YAML
 * syntax reference#variables", "#variables:description", "#variables:value", "#variables:options",
 * "#variables:expand"). A value is any scalar but null (GitLab merge request 146503, "Use new
 * ScalarValidator for variables CI keyword", lets booleans and floats through beside strings and
 * integers); at the top level it may also be a mapping with {@code value}, {@code description},
 * {@code options} and {@code expand}, in a job one with {@code value} and {@code expand}. Rule and
 * service variables are plain values only.
 *
 * <p>GitLab keeps the text of the value its YAML 1.1 parser, Psych, resolves ("CI/CD variables":
 * "Variables are internally parsed by the Psych YAML parser"), so an unquoted scalar may change:
 * {@code yes}, {@code on}, {@code True} become {@code true} and {@code no}, {@code off} become
 * {@code false}; {@code 3.10} becomes {@code 3.1}; {@code 012345} is octal, {@code 5349}; {@code 10:30}
 * is base 60, {@code 37800} ({@link PsychScalar}).
 */
final class VariablesParser {

    /** Where the variables are written, which decides the forms they may take. */
    enum Kind { GLOBAL, JOB, PLAIN }

    private final Reader reader;

    VariablesParser(Reader reader) {
        this.reader = reader;
    }

    /** The variables in document order; empty when not written or not a mapping. */
    List<Variable> parse(YamlNode node, Kind kind, String where) {
        YamlMap map = reader.map(node, "variables");
        if (map == null) {
            return List.of();
        }
        List<Variable> out = new ArrayList<>();
        for (YamlMap.Entry e : map.entries()) {
            Variable v = e.value() instanceof YamlMap m && kind != Kind.PLAIN
                    ? detailed(e, m, kind, where)
                    : plain(e.name(), e.value(), kind == Kind.PLAIN ? "a string, a number or a boolean"
                            : "a string, a number, a boolean or a mapping with 'value'", e);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private Variable plain(String name, YamlNode value, String expected, YamlMap.Entry at) {
        if (value instanceof YamlScalar s && !s.isNull()) {
            return Variable.of(name, PsychScalar.of(s).text(), at.key().range());
        }
        reader.wrongType(value, "variables:" + name, expected);
        return null;
    }

    private Variable detailed(YamlMap.Entry e, YamlMap m, Kind kind, String where) {
        String name = e.name();
        if (kind == Kind.GLOBAL) {
            reader.checkKeys(m, Keywords.GLOBAL_VARIABLE, "variable '" + name + "'");
        } else {
            reader.checkKeys(m, Keywords.JOB_VARIABLE, "variable '" + name + "' of " + where
                    + " (description and options are for global variables only)");
        }
        String value = "";
        YamlNode v = m.get("value");
        if (!Reader.absent(v)) {
            Variable parsed = plain(name, v, "a string, a number or a boolean", e);
            value = parsed == null ? "" : parsed.value();
        }
        Boolean expand = reader.bool(m.get("expand"), "variables:" + name + ":expand");
        String description = kind == Kind.GLOBAL ? reader.string(m.get("description"), "variables:" + name
                + ":description") : null;
        List<String> options = kind == Kind.GLOBAL ? reader.strings(m.get("options"), "variables:" + name
                + ":options", false) : null;
        if (options != null && !Reader.absent(v) && !options.contains(value)) {
            reader.error(v, RuleIds.INVALID_VALUE, "the value '" + value + "' of variable '" + name
                    + "' is not one of its options");
        }
        return new Variable(name, value, expand == null || expand, description,
                options == null ? List.of() : options, e.key().range());
    }
}

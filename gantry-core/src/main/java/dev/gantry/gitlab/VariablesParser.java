package dev.gantry.gitlab;

import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code variables:} at the top level, in a job, in {@code rules} and in services ("CI/CD YAML
 * syntax reference#variables", "#variables:description", "#variables:value", "#variables:options",
 * "#variables:expand"). A value is any scalar (GitLab merge request 146503, "Use new
 * ScalarValidator for variables CI keyword", lets booleans and floats through beside strings and
 * integers); at the top level it may also be a mapping with {@code value}, {@code description},
 * {@code options} and {@code expand}, in a job one with {@code value} and {@code expand}. A null
 * value ({@code ~}, {@code null}, nothing) at the top level or in a job is the empty string: GitLab
 * takes it as a mapping without {@code value} (gitlab-ci-local #1095). Rule and service variables are
 * plain values only, and null is refused there, as GitLab refuses a mapping there.
 *
 * <p>With {@code options} ("#variables:options": the value must be one of them), GitLab compares the
 * value as its YAML parser typed it with the options, which must be strings: an unquoted {@code 1} or
 * {@code on} is an integer or a boolean, never equal to the option {@code "1"} or {@code "on"}, and a
 * variable with options but no value is refused too.
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
            Variable v = kind != Kind.PLAIN && Reader.absent(e.value()) ? Variable.of(e.name(), "", e.key().range())
                    : e.value() instanceof YamlMap m && kind != Kind.PLAIN ? detailed(e, m, kind, where)
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
        List<String> options = kind == Kind.GLOBAL ? options(m.get("options"), name) : null;
        if (options != null) {
            checkInOptions(e, v, value, options);
        }
        return new Variable(name, value, expand == null || expand, description,
                options == null ? List.of() : options, e.key().range());
    }

    /** {@code options}: a sequence of what GitLab reads as strings ({@code 1} or {@code on} unquoted are not). */
    private List<String> options(YamlNode node, String name) {
        if (Reader.absent(node)) {
            return null;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, "variables:" + name + ":options", "a sequence of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
                out.add(s.value());
            } else {
                reader.wrongType(item, "variables:" + name + ":options", "a sequence of strings");
            }
        }
        return out;
    }

    /**
     * GitLab compares the value as its YAML parser typed it with the options, which are strings: a
     * missing value, or an unquoted {@code 1}, {@code 1.5} or {@code on}, is never one of them.
     */
    private void checkInOptions(YamlMap.Entry variable, YamlNode value, String text, List<String> options) {
        String name = variable.name();
        if (Reader.absent(value)) {
            reader.error(variable.key(), RuleIds.INVALID_VALUE, "variable '" + name + "' has options, so it needs a"
                    + " 'value' that is one of them");
        } else if (value instanceof YamlScalar s && !PsychScalar.isString(s)) {
            reader.error(value, RuleIds.INVALID_VALUE, "the value of variable '" + name + "' is "
                    + PsychScalar.describe(s) + ", and options are strings: it can never be one of them");
        } else if (value instanceof YamlScalar && !options.contains(text)) {
            reader.error(value, RuleIds.INVALID_VALUE, "the value '" + text + "' of variable '" + name
                    + "' is not one of its options");
        }
    }
}

package dev.gantry.gitlab;

import dev.gantry.model.Matrix;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parallel:} ("CI/CD YAML syntax reference#parallel", "#parallel:matrix"): a number of copies
 * from 1 to 200, or a matrix given as a list of axis sets. Each axis maps a variable name to one
 * value or a list of values; a set's jobs are the product of its axes, and the matrix's jobs are the
 * union of every set's product, at most 200 in all.
 *
 * <p>The values "must be either a string, or an array of strings" ("#parallel:matrix"); GitLab also
 * takes a whole number, as the text of the integer its YAML 1.1 parser reads ({@link PsychScalar}:
 * {@code 010} is octal, {@code 8}), like a variable's ("CI/CD variables": "Variables are internally
 * parsed by the Psych YAML parser"). Unlike {@code variables:}, a matrix takes no float and no
 * boolean, and to that parser a plain {@code 3.10} is a float and a plain {@code on} a boolean:
 * both are reported, to be quoted.
 */
final class MatrixParser {

    /** The documented limit, both for {@code parallel: N} and for the number of matrix jobs. */
    static final int MAX = 200;

    private final Reader reader;

    MatrixParser(Reader reader) {
        this.reader = reader;
    }

    /** The job's matrix, or null when {@code parallel} is not written or unusable. */
    Matrix parse(YamlNode node) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INT) {
            Long n = reader.integer(s, "parallel");
            if (n == null || n < 1 || n > MAX) {
                reader.error(s, RuleIds.PARALLEL_RANGE, "'parallel' must be between 1 and " + MAX + ", not "
                        + s.value());
                return null;
            }
            return new Matrix(List.of(), List.of(), List.of(), null, n.intValue(), null, 0, s.range());
        }
        if (node instanceof YamlMap m) {
            reader.checkKeys(m, java.util.Set.of("matrix"), "parallel");
            if (!m.has("matrix")) {
                reader.error(m, RuleIds.MISSING_KEY, "'parallel' written as a mapping must have 'matrix'");
                return null;
            }
            List<Map<String, Object>> sets = axisSets(m.get("matrix"), "parallel:matrix");
            long jobs = sets.stream().mapToLong(MatrixParser::size).sum();
            if (jobs > MAX) {
                reader.error(m.get("matrix"), RuleIds.PARALLEL_RANGE, "'parallel:matrix' makes " + jobs
                        + " jobs; at most " + MAX + " are allowed");
            }
            return new Matrix(sets, List.of(), List.of(), null, 0, null, 0, m.range());
        }
        reader.wrongType(node, "parallel", "a whole number or a mapping with 'matrix'");
        return null;
    }

    /** The axis sets of a {@code matrix:} sequence; nested sequences (from {@code !reference}) are flattened. */
    List<Map<String, Object>> axisSets(YamlNode node, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (Reader.absent(node)) {
            return out;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, name, "a sequence of mappings");
            return out;
        }
        for (YamlNode item : Flatten.items(seq)) {
            if (!(item instanceof YamlMap set)) {
                reader.wrongType(item, name, "a sequence of mappings");
                continue;
            }
            Map<String, Object> axes = new LinkedHashMap<>();
            for (YamlMap.Entry e : set.entries()) {
                Object values = values(e.value(), name + ":" + e.name());
                if (values != null) {
                    axes.put(e.name(), values);
                }
            }
            out.add(axes);
        }
        return out;
    }

    private Object values(YamlNode node, String name) {
        if (node instanceof YamlSeq seq) {
            List<String> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                String value = value(item, name, "a sequence of strings");
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }
        return value(node, name, "a string or a sequence of strings");
    }

    /** One matrix value as GitLab's YAML parser reads it, or null (reported) when it is no string or integer. */
    private String value(YamlNode node, String name, String expected) {
        if (!(node instanceof YamlScalar s) || s.isNull() || s.type() == YamlScalar.Type.BOOL) {
            reader.wrongType(node, name, expected);
            return null;
        }
        PsychScalar read = PsychScalar.of(s);
        if (read.kind() == PsychScalar.Kind.STRING || read.kind() == PsychScalar.Kind.INTEGER) {
            return read.text();
        }
        reader.error(s, RuleIds.WRONG_TYPE, "'" + name + "' must be " + expected + ", not '" + s.value()
                + "', which GitLab's YAML 1.1 parser reads as the "
                + (read.kind() == PsychScalar.Kind.BOOLEAN ? "boolean " : "float ") + read.text() + "; quote it");
        return null;
    }

    /** How many jobs one axis set makes: the product of its axes' sizes. */
    static long size(Map<String, Object> set) {
        long n = 1;
        for (Object v : set.values()) {
            n *= v instanceof List<?> l ? l.size() : 1;
            if (n > Integer.MAX_VALUE) {
                return n;
            }
        }
        return set.isEmpty() ? 0 : n;
    }

    /** The cells of one axis set, each the values in axis order, first axis varying slowest. */
    static List<List<String>> cells(Map<String, Object> set) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (Object v : set.values()) {
            List<String> values = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(x -> values.add(String.valueOf(x)));
            } else {
                values.add(String.valueOf(v));
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String value : values) {
                    List<String> cell = new ArrayList<>(prefix);
                    cell.add(value);
                    next.add(cell);
                }
            }
            out = next;
        }
        return set.isEmpty() ? List.of() : out;
    }
}

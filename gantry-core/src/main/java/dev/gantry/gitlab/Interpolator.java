package dev.gantry.gitlab;

import dev.gantry.diag.SourceRange;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code $[[ inputs.NAME ]]} blocks in a configuration document with input values ("CI/CD
 * inputs#Define input parameters with spec:inputs", "#Input types", "#Specify functions to manipulate
 * input values"). Blocks are found in every string, in keys and in values, at any depth.
 *
 * <p>A block that is a whole value keeps the input's type: {@code parallel: $[[ inputs.n ]]} with
 * a number gives a number, an array gives a sequence. A block inside a longer string, or in a key,
 * becomes text ({@link InputText}); so does the result of any function. {@code $[[ matrix.NAME ]]}
 * is left for {@code needs:parallel:matrix}, as GitLab leaves it. A block that cannot be evaluated
 * (bad syntax, unknown input, an input whose value was missing or invalid and already reported) is
 * left as written, so that one mistake is reported once.
 *
 * <p>A replaced string keeps its scalar's range but no longer matches the file's text, so it is
 * marked folded: {@link YamlScalar#positionOf} then points every later message about its inside
 * (a {@code rules:if} syntax error) at the scalar's start instead of a wrong column.
 */
final class Interpolator {

    private static final String OPEN = "$[[";
    private static final String CLOSE = "]]";

    private final Reader reader;
    private final Header header;
    private final Map<String, YamlNode> values;
    /** Collections already done: aliases share nodes, and a shared node is walked once. */
    private final Map<YamlNode, YamlNode> done = new IdentityHashMap<>();

    /**
     * @param header the file's spec
     * @param values the inputs' values by name; an input missing here leaves its blocks as written
     */
    Interpolator(Reader reader, Header header, Map<String, YamlNode> values) {
        this.reader = reader;
        this.header = header;
        this.values = values;
    }

    YamlNode interpolate(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return scalar(s, false);
        }
        YamlNode result = done.get(node);
        if (result == null) {
            result = node instanceof YamlMap m ? map(m) : sequence((YamlSeq) node);
            done.put(node, result);
        }
        return result;
    }

    private YamlMap map(YamlMap map) {
        List<YamlMap.Entry> out = new ArrayList<>(map.size());
        Map<String, YamlScalar> seen = new HashMap<>();
        boolean changed = false;
        for (YamlMap.Entry e : map.entries()) {
            YamlScalar key = (YamlScalar) scalar(e.key(), true);
            YamlNode value = interpolate(e.value());
            changed |= key != e.key() || value != e.value();
            YamlScalar first = seen.putIfAbsent(key.value(), key);
            if (first != null) {
                // Two keys that differ in the file became one: neither may silently replace the other.
                reader.error(key, RuleIds.DUPLICATE_KEY, "key '" + key.value() + "' repeats the key at "
                        + first.range().line() + ":" + first.range().column() + " once inputs are interpolated");
                changed = true;
                continue;
            }
            out.add(new YamlMap.Entry(key, value));
        }
        return changed ? YamlMap.of(out, map.tag(), map.range()) : map;
    }

    private YamlSeq sequence(YamlSeq seq) {
        List<YamlNode> out = new ArrayList<>(seq.items().size());
        boolean changed = false;
        for (YamlNode item : seq.items()) {
            YamlNode value = interpolate(item);
            changed |= value != item;
            out.add(value);
        }
        return changed ? new YamlSeq(out, seq.tag(), seq.range()) : seq;
    }

    /** The scalar with its blocks replaced; a key always stays a string. */
    private YamlNode scalar(YamlScalar s, boolean key) {
        String text = s.value();
        if (s.type() != YamlScalar.Type.STRING || !text.contains(OPEN)) {
            return s;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        int from = 0;
        for (int open = text.indexOf(OPEN); open >= 0; open = text.indexOf(OPEN, from)) {
            int close = text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                reader.diagnostics().warning(s.positionOf(open), RuleIds.INTERPOLATION_SYNTAX,
                        "'$[[' has no closing ']]'; the text is left as written");
                break;
            }
            int end = close + CLOSE.length();
            YamlNode value = evaluate(text.substring(open + OPEN.length(), close), s.positionOf(open));
            if (value == null) {
                out.append(text, from, end);
            } else if (!key && open == 0 && end == text.length()) {
                return typed(value, s);
            } else {
                out.append(text, from, open).append(InputText.of(value));
                changed = true;
            }
            from = end;
        }
        return changed ? text(out.append(text, from, text.length()).toString(), s) : s;
    }

    /** The value of one block, or null when it is left as written. */
    private YamlNode evaluate(String content, SourceRange at) {
        InterpolationBlock.Parse parse = InterpolationBlock.parse(content);
        if (parse.block() == null) {
            reader.diagnostics().error(at, RuleIds.INTERPOLATION_SYNTAX, parse.error());
            return null;
        }
        InterpolationBlock block = parse.block();
        switch (block.context()) {
            case "inputs" -> {
            }
            case "matrix" -> {
                return null;
            }
            case "component" -> {
                reader.diagnostics().warning(at, RuleIds.INPUT_UNSUPPORTED, "the component context ($[[ component."
                        + block.name() + " ]]) is not known offline; the block is left as written");
                return null;
            }
            default -> {
                reader.diagnostics().error(at, RuleIds.INTERPOLATION_SYNTAX, "unknown interpolation context '"
                        + block.context() + "'; write inputs.NAME");
                return null;
            }
        }
        String name = block.name();
        if (!header.inputs().containsKey(name) && !header.open()) {
            reader.diagnostics().error(at, RuleIds.UNKNOWN_INPUT, "unknown input '" + name + "'; spec:inputs declares "
                    + (header.inputs().isEmpty() ? "none" : String.join(", ", header.inputs().keySet()))
                    + Closest.hint(name, header.inputs().keySet()));
            return null;
        }
        YamlNode value = values.get(name);
        for (InterpolationBlock.Call call : block.calls()) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING)) {
                reader.diagnostics().error(at, RuleIds.INPUT_WRONG_TYPE, "function '" + call.function()
                        + "' works on strings, and input '" + name + "' is " + value.describe());
                return null;
            }
            String result = switch (call.function()) {
                case "expand_vars" -> InputFunctions.expandVars(s.value());
                case "truncate" -> InputFunctions.truncate(s.value(), call.offset(), call.length());
                default -> InputFunctions.posixEscape(s.value());
            };
            value = new YamlScalar(result, YamlScalar.Type.STRING, YamlScalar.Style.PLAIN, null, s.range());
        }
        return value;
    }

    /**
     * A whole-value block: the value with its own type, standing where the block stood. A plain
     * {@code yes} stays the boolean GitLab's YAML 1.1 parser made of it ({@link PsychBoolean}).
     */
    private static YamlNode typed(YamlNode value, YamlScalar site) {
        Boolean bool = PsychBoolean.of(value);
        if (bool != null) {
            return new YamlScalar(bool.toString(), YamlScalar.Type.BOOL, YamlScalar.Style.FOLDED, site.tag(),
                    site.range());
        }
        return switch (value) {
            case YamlScalar v -> new YamlScalar(v.value(), v.type(), YamlScalar.Style.FOLDED, site.tag(), site.range());
            case YamlSeq q -> new YamlSeq(q.items(), site.tag(), site.range());
            case YamlMap m -> YamlMap.of(m.entries(), site.tag(), site.range());
        };
    }

    private static YamlScalar text(String value, YamlScalar site) {
        return new YamlScalar(value, YamlScalar.Type.STRING, YamlScalar.Style.FOLDED, site.tag(), site.range());
    }
}

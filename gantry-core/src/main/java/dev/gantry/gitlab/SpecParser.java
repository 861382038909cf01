package dev.gantry.gitlab;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlSeq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code spec:} header into a {@link Header}, following "CI/CD YAML syntax reference",
 * sections {@code spec:inputs}, {@code spec:inputs:default}, {@code :description}, {@code :options},
 * {@code :regex}, {@code :type}, {@code :rules} and {@code spec:include}, and "CI/CD inputs".
 *
 * <p>An input without {@code default} is required. {@code options} (at most {@value #MAX_OPTIONS})
 * are not allowed for booleans and must each match the type; {@code regex} is an RE2 pattern written
 * without slashes and only for strings; a default must match type, options and regex. Two parts of
 * the header are accepted but not evaluated, each with a warning ({@value RuleIds#INPUT_UNSUPPORTED}):
 * {@code spec:inputs:rules}, whose conditional default Gantry does not work out (the input then takes
 * its value only from {@code include:inputs}), and {@code spec:include}, whose input files Gantry
 * does not read (the header is then {@linkplain Header#open() open}).
 */
final class SpecParser {

    /** "The limit is 50 options per input." */
    static final int MAX_OPTIONS = 50;

    private final Reader reader;
    private final InputCheck check;

    SpecParser(Reader reader) {
        this.reader = reader;
        this.check = new InputCheck(reader);
    }

    /** The header's inputs; a {@code spec} that is not a mapping declares none. */
    Header parse(YamlNode spec) {
        YamlMap map = reader.map(spec, "spec");
        if (map == null) {
            return new Header(Map.of(), false);
        }
        reader.checkKeys(map, Keywords.SPEC, "spec");
        reader.string(map.get("description"), "spec:description");
        boolean open = map.has("include");
        if (open) {
            reader.warning(map.entry("include").key(), RuleIds.INPUT_UNSUPPORTED, "spec:include is not read by"
                    + " Gantry; inputs declared in those files are taken as given and not checked");
        }
        Map<String, InputSpec> inputs = new LinkedHashMap<>();
        YamlMap declared = reader.map(map.get("inputs"), "spec:inputs");
        if (declared != null) {
            for (YamlMap.Entry e : declared.entries()) {
                InputSpec input = input(e);
                if (input != null) {
                    inputs.put(e.name(), input);
                }
            }
        }
        return new Header(inputs, open);
    }

    private InputSpec input(YamlMap.Entry entry) {
        String name = entry.name();
        if (Reader.absent(entry.value())) {
            return new InputSpec(name, entry.key(), InputType.STRING, true, null, List.of(), null, false);
        }
        if (!(entry.value() instanceof YamlMap m)) {
            reader.wrongType(entry.value(), "spec:inputs:" + name, "a mapping of input settings, or nothing");
            return null;
        }
        reader.checkKeys(m, Keywords.SPEC_INPUT, "input '" + name + "'");
        reader.string(m.get("description"), "spec:inputs:" + name + ":description");
        String typeWord = reader.oneOf(m.get("type"), "spec:inputs:" + name + ":type", Keywords.INPUT_TYPES);
        InputType type = typeWord == null ? InputType.STRING : InputType.of(typeWord);
        boolean conditional = m.has("rules");
        if (conditional) {
            reader.warning(m.entry("rules").key(), RuleIds.INPUT_UNSUPPORTED, "spec:inputs:rules are not evaluated"
                    + " by Gantry; input '" + name + "' has a value only when include:inputs give one, and its blocks"
                    + " are left as written otherwise");
        }
        List<YamlNode> options = options(m.get("options"), name, type);
        Pattern regex = regex(m.get("regex"), name, type);
        boolean hasDefault = m.has("default");
        InputSpec unchecked = new InputSpec(name, entry.key(), type, !hasDefault && !conditional, null, options, regex,
                conditional);
        if (!hasDefault) {
            return unchecked;
        }
        YamlNode value = m.get("default");
        boolean valid = check.suits(unchecked, value, "the default of input '" + name + "'");
        return new InputSpec(name, entry.key(), type, false, valid ? value : null, options, regex, conditional);
    }

    private List<YamlNode> options(YamlNode node, String name, InputType type) {
        if (Reader.absent(node)) {
            return List.of();
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, "spec:inputs:" + name + ":options", "a sequence of allowed values");
            return List.of();
        }
        if (type == InputType.BOOLEAN) {
            reader.error(node, RuleIds.INVALID_VALUE, "input '" + name + "' is a boolean and cannot have options");
            return List.of();
        }
        if (seq.items().size() > MAX_OPTIONS) {
            reader.error(node, RuleIds.INVALID_VALUE, "input '" + name + "' has " + seq.items().size()
                    + " options; GitLab allows at most " + MAX_OPTIONS);
        }
        boolean valid = true;
        for (YamlNode option : seq.items()) {
            if (Reader.absent(option) || !type.accepts(option)) {
                reader.error(option, RuleIds.INPUT_WRONG_TYPE, "an option of input '" + name + "' must be "
                        + InputCheck.expected(type) + ", not " + option.describe());
                valid = false;
            }
        }
        // Invalid options would reject every value; leave the input unconstrained instead of piling up errors.
        return valid ? seq.items() : List.of();
    }

    private Pattern regex(YamlNode node, String name, InputType type) {
        String text = reader.string(node, "spec:inputs:" + name + ":regex");
        if (text == null) {
            return null;
        }
        if (type != InputType.STRING) {
            reader.error(node, RuleIds.INVALID_VALUE, "'regex' works only for string inputs, and input '" + name
                    + "' is of type " + type.word());
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            reader.error(node, RuleIds.INVALID_VALUE, "the regex of input '" + name + "' is not a valid RE2"
                    + " regular expression: " + e.getDescription());
            return null;
        }
    }
}

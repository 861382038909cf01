package dev.gantry.github;

import dev.gantry.model.Input;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of {@code workflow_dispatch} and {@code workflow_call}, and the outputs and secrets of
 * {@code workflow_call} ("Workflow syntax for GitHub Actions": {@code on.workflow_dispatch.inputs},
 * {@code on.workflow_call.inputs}, {@code on.workflow_call.outputs}, {@code on.workflow_call.secrets}).
 *
 * <p>A dispatch input's {@code type} is {@code boolean}, {@code choice}, {@code number},
 * {@code environment} or {@code string} (the default); a call input must name its type, one of
 * {@code boolean}, {@code number} or {@code string}. A {@code choice} needs {@code options}, and a
 * default must fit the type.
 */
final class InputsParser {

    static final String DISPATCH = "workflow_dispatch";
    private static final List<String> DISPATCH_TYPES = List.of("string", "boolean", "choice", "number", "environment");
    private static final List<String> CALL_TYPES = List.of("string", "boolean", "number");

    private final NodeReader reader;

    InputsParser(NodeReader reader) {
        this.reader = reader;
    }

    /** The inputs under {@code event} ({@code workflow_dispatch} or {@code workflow_call}) in document order. */
    List<Input> inputs(YamlNode node, String event) {
        List<Input> out = new ArrayList<>();
        YamlMap inputs = reader.map(node, "'inputs' of '" + event + "'");
        if (inputs == null) {
            return out;
        }
        for (YamlMap.Entry e : inputs.entries()) {
            Ids.check(e.key(), "input", reader.diagnostics());
            Input input = input(e, event);
            if (input != null) {
                out.add(input);
            }
        }
        return out;
    }

    private Input input(YamlMap.Entry entry, String event) {
        String where = "input '" + entry.name() + "' of '" + event + "'";
        boolean dispatch = DISPATCH.equals(event);
        YamlMap map = NodeReader.absent(entry.value()) ? null : reader.map(entry.value(), where);
        if (map == null && !NodeReader.absent(entry.value())) {
            return null;
        }
        if (map == null) {
            if (!dispatch) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs a 'type'");
            }
            return new Input(entry.name(), "string", null, false, null, List.of(), entry.key().range());
        }
        List<String> types = dispatch ? DISPATCH_TYPES : CALL_TYPES;
        Keywords.check(map, dispatch ? Keywords.DISPATCH_INPUT : Keywords.CALL_INPUT, where, reader.diagnostics());
        String type = reader.text(map.get("type"), NodeReader.keyOf("type", where));
        if (type == null) {
            if (!dispatch) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs a 'type' ("
                        + String.join(", ", CALL_TYPES) + ")");
            }
            type = "string";
        } else if (!types.contains(type)) {
            reader.diagnostics().error(map.get("type").range(), Rules.INVALID_VALUE, "type '" + type + "' of "
                    + where + " must be one of " + String.join(", ", types) + Keywords.hint(type, types));
            type = "string";
        }
        List<String> options = reader.texts(map.get("options"), NodeReader.keyOf("options", where));
        if ("choice".equals(type) && options.isEmpty()) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " is a choice and needs 'options'");
        }
        String required = reader.flag(map.get("required"), NodeReader.keyOf("required", where));
        YamlNode defaultNode = map.get("default");
        String defaultValue = reader.text(defaultNode, NodeReader.keyOf("default", where));
        if (defaultValue != null) {
            checkDefault((YamlScalar) defaultNode, type, options, where);
        }
        return new Input(entry.name(), type, reader.text(map.get("description"), NodeReader.keyOf("description", where)),
                "true".equals(required), defaultValue, options, entry.key().range());
    }

    private void checkDefault(YamlScalar value, String type, List<String> options, String where) {
        if (ExpressionText.contains(value.value())) {
            return; // decided at run time
        }
        String problem = switch (type) {
            case "boolean" -> value.type() == YamlScalar.Type.BOOL ? null : "must be true or false";
            case "number" -> value.type() == YamlScalar.Type.INT || value.type() == YamlScalar.Type.FLOAT
                    ? null : "must be a number";
            case "choice" -> options.isEmpty() || options.contains(value.value()) ? null
                    : "must be one of the options (" + String.join(", ", options) + ")";
            default -> null;
        };
        if (problem != null) {
            reader.diagnostics().error(value.range(), Rules.INVALID_VALUE,
                    "default '" + value.value() + "' of " + where + " " + problem);
        }
    }

    /** {@code workflow_call.outputs}: output name to its {@code value} expression, in document order. */
    Map<String, String> callOutputs(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        YamlMap outputs = reader.map(node, "'outputs' of 'workflow_call'");
        if (outputs == null) {
            return out;
        }
        for (YamlMap.Entry e : outputs.entries()) {
            String where = "output '" + e.name() + "' of 'workflow_call'";
            YamlMap map = reader.map(e.value(), where);
            if (map == null) {
                if (NodeReader.absent(e.value())) {
                    reader.diagnostics().error(e.key().range(), Rules.MISSING_KEY, where + " needs a 'value'");
                }
                continue;
            }
            Keywords.check(map, Keywords.CALL_OUTPUT, where, reader.diagnostics());
            String value = reader.text(map.get("value"), NodeReader.keyOf("value", where));
            if (value == null) {
                reader.diagnostics().error(e.key().range(), Rules.MISSING_KEY, where + " needs a 'value'");
                continue;
            }
            reader.text(map.get("description"), NodeReader.keyOf("description", where));
            out.put(e.name(), value);
        }
        return out;
    }

    /** {@code workflow_call.secrets}: secret name to whether the caller must pass it, in document order. */
    Map<String, Boolean> callSecrets(YamlNode node) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        YamlMap secrets = reader.map(node, "'secrets' of 'workflow_call'");
        if (secrets == null) {
            return out;
        }
        for (YamlMap.Entry e : secrets.entries()) {
            String where = "secret '" + e.name() + "' of 'workflow_call'";
            YamlMap map = reader.map(e.value(), where);
            boolean required = false;
            if (map != null) {
                Keywords.check(map, Keywords.CALL_SECRET, where, reader.diagnostics());
                reader.text(map.get("description"), NodeReader.keyOf("description", where));
                required = "true".equals(reader.flag(map.get("required"), NodeReader.keyOf("required", where)));
            }
            out.put(e.name(), required);
        }
        return out;
    }
}

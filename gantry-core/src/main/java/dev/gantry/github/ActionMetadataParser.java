package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.SourceRange;
import dev.gantry.github.action.ActionInput;
import dev.gantry.github.action.ActionMetadata;
import dev.gantry.github.action.ActionOutput;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.model.Step;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An action's metadata file ({@code action.yml} or {@code action.yaml}) to {@link ActionMetadata},
 * with a diagnostic for everything "Metadata syntax for GitHub Actions" (docs.github.com) does not
 * allow: unknown keys, values of the wrong shape, a {@code runs.using} GitHub does not know, and the
 * keys each kind of action requires ({@code main} for JavaScript, {@code steps} for composite,
 * {@code image} for Docker, {@code value} for a composite action's outputs, {@code shell} for a
 * composite action's {@code run} steps). A missing {@code name} or {@code description} is a warning:
 * the documentation requires them, but an action runs without them.
 *
 * <p>Composite steps are read as workflow steps are ({@link StepParser}), minus the keys composite
 * steps do not have ({@code timeout-minutes}). Never throws on bad input.
 */
public final class ActionMetadataParser {

    /** The top-level keys ("Metadata syntax"). */
    static final List<String> TOP = List.of("name", "author", "description", "inputs", "outputs", "runs", "branding");
    static final List<String> INPUT = List.of("description", "required", "default", "deprecationMessage");
    static final List<String> OUTPUT = List.of("description", "value");
    static final List<String> RUNS_COMPOSITE = List.of("using", "steps");
    static final List<String> RUNS_NODE = List.of("using", "main", "pre", "pre-if", "post", "post-if");
    static final List<String> RUNS_DOCKER = List.of("using", "image", "env", "entrypoint", "args", "pre-entrypoint",
            "pre-if", "post-entrypoint", "post-if");
    static final List<String> BRANDING = List.of("color", "icon");
    /** The {@code runs.using} values GitHub runs. */
    static final List<String> USING = List.of("composite", "node12", "node16", "node20", "node24", "docker");

    private final NodeReader reader;

    private ActionMetadataParser(Diagnostics diagnostics) {
        this.reader = new NodeReader(diagnostics);
    }

    /**
     * Parses an action's metadata.
     *
     * @param root        the document's root node (its range names the file)
     * @param diagnostics receives every problem found
     * @return the metadata, or null when it has no usable {@code runs} (an error was reported)
     */
    public static ActionMetadata parse(YamlNode root, Diagnostics diagnostics) {
        return new ActionMetadataParser(diagnostics).metadata(root);
    }

    private ActionMetadata metadata(YamlNode root) {
        if (!(root instanceof YamlMap map)) {
            reader.wrongType(root, "an action's metadata", "a mapping");
            return null;
        }
        String where = "the action";
        Keywords.check(map, TOP, where, reader.diagnostics());
        String name = reader.text(map.get("name"), NodeReader.keyOf("name", where));
        String description = reader.text(map.get("description"), NodeReader.keyOf("description", where));
        for (String key : List.of("name", "description")) {
            if (!map.has(key)) {
                reader.diagnostics().warning(SourceRange.startOf(root.range().file()), Rules.MISSING_KEY,
                        "the action has no '" + key + "'; the metadata syntax requires one");
            }
        }
        YamlMap branding = reader.map(map.get("branding"), NodeReader.keyOf("branding", where));
        if (branding != null) {
            Keywords.check(branding, BRANDING, "'branding'", reader.diagnostics());
        }
        Map<String, ActionInput> inputs = inputs(map.get("inputs"));
        ActionRuns runs = runs(map, root);
        Map<String, ActionOutput> outputs = outputs(map.get("outputs"), runs instanceof ActionRuns.Composite);
        return runs == null ? null : new ActionMetadata(name, description, inputs, outputs, runs, root.range());
    }

    private Map<String, ActionInput> inputs(YamlNode node) {
        Map<String, ActionInput> out = new LinkedHashMap<>();
        YamlMap map = reader.map(node, "'inputs' of the action");
        if (map == null) {
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            String where = "input '" + e.name() + "'";
            YamlMap input = reader.map(e.value(), where);
            if (input == null) {
                out.put(e.name(), new ActionInput(e.name(), null, false, null, null, e.key().range()));
                continue;
            }
            Keywords.check(input, INPUT, where, reader.diagnostics());
            out.put(e.name(), new ActionInput(e.name(), reader.text(input.get("description"),
                    NodeReader.keyOf("description", where)), required(input.get("required"), where),
                    reader.text(input.get("default"), NodeReader.keyOf("default", where)),
                    reader.text(input.get("deprecationMessage"), NodeReader.keyOf("deprecationMessage", where)),
                    e.key().range()));
        }
        return out;
    }

    /** {@code required}: a boolean, also accepted as the text {@code true} or {@code false}. */
    private boolean required(YamlNode node, String where) {
        if (NodeReader.absent(node)) {
            return false;
        }
        if (node instanceof YamlScalar s && (s.type() == YamlScalar.Type.BOOL || s.type() == YamlScalar.Type.STRING)) {
            String value = s.value().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return value.equals("true");
            }
        }
        reader.wrongType(node, NodeReader.keyOf("required", where), "a boolean");
        return false;
    }

    private Map<String, ActionOutput> outputs(YamlNode node, boolean composite) {
        Map<String, ActionOutput> out = new LinkedHashMap<>();
        YamlMap map = reader.map(node, "'outputs' of the action");
        if (map == null) {
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            String where = "output '" + e.name() + "'";
            YamlMap output = reader.map(e.value(), where);
            if (output != null) {
                Keywords.check(output, OUTPUT, where, reader.diagnostics());
            }
            String value = output == null ? null : reader.text(output.get("value"), NodeReader.keyOf("value", where));
            if (composite && value == null && (output == null || !output.has("value"))) {
                reader.diagnostics().error(e.key().range(), Rules.MISSING_KEY, where
                        + " of a composite action has no 'value'; name the inner step output it maps");
            }
            out.put(e.name(), new ActionOutput(e.name(), output == null ? null
                    : reader.text(output.get("description"), NodeReader.keyOf("description", where)), value,
                    e.key().range()));
        }
        return out;
    }

    private ActionRuns runs(YamlMap root, YamlNode document) {
        YamlMap.Entry entry = root.entry("runs");
        if (entry == null) {
            reader.diagnostics().error(SourceRange.startOf(document.range().file()), Rules.MISSING_KEY,
                    "the action has no 'runs'; say how it runs (composite, node20 or docker)");
            return null;
        }
        YamlMap runs = reader.map(entry.value(), "'runs' of the action");
        if (runs == null) {
            if (NodeReader.absent(entry.value())) {
                reader.wrongType(entry, "'runs' of the action", "a mapping");
            }
            return null;
        }
        YamlNode usingNode = runs.get("using");
        String using = reader.text(usingNode, "'runs.using'");
        if (using == null) {
            if (usingNode == null || NodeReader.absent(usingNode)) {
                reader.diagnostics().error(runs.entry("using") != null ? runs.entry("using").key().range()
                        : entry.key().range(), Rules.MISSING_KEY, "'runs' has no 'using'; write composite, node20 or docker");
            }
            return null;
        }
        String kind = using.toLowerCase(Locale.ROOT);
        if (!USING.contains(kind)) {
            reader.diagnostics().error(usingNode.range(), Rules.INVALID_VALUE, "'runs.using' must be one of "
                    + String.join(", ", USING) + ", not '" + using + "'");
            return null;
        }
        return switch (kind) {
            case "composite" -> composite(runs, entry);
            case "docker" -> docker(runs, entry);
            default -> node(kind, runs, entry);
        };
    }

    private ActionRuns composite(YamlMap runs, YamlMap.Entry entry) {
        Keywords.check(runs, RUNS_COMPOSITE, "'runs' of a composite action", reader.diagnostics());
        YamlNode steps = runs.get("steps");
        if (NodeReader.absent(steps)) {
            reader.diagnostics().error(runs.has("steps") ? runs.entry("steps").key().range() : entry.key().range(),
                    Rules.MISSING_KEY, "'runs' of a composite action has no 'steps'");
            return new ActionRuns.Composite(List.of());
        }
        if (steps instanceof YamlSeq seq) {
            compositeOnly(seq);
        }
        List<Step> parsed = new StepParser(reader).steps(steps, "the composite action");
        return new ActionRuns.Composite(parsed);
    }

    /** The rules of composite steps that workflow steps do not have. */
    private void compositeOnly(YamlSeq steps) {
        for (int i = 0; i < steps.items().size(); i++) {
            if (!(steps.items().get(i) instanceof YamlMap step)) {
                continue;
            }
            String where = "step " + (i + 1) + " of the composite action";
            YamlMap.Entry timeout = step.entry("timeout-minutes");
            if (timeout != null) {
                reader.diagnostics().error(timeout.key().range(), Rules.UNKNOWN_KEY, "unknown key 'timeout-minutes' in "
                        + where + "; composite action steps have no timeout of their own");
            }
            if (step.has("run") && !step.has("uses") && NodeReader.absent(step.get("shell"))) {
                reader.diagnostics().error(step.entry("run").key().range(), Rules.MISSING_KEY, where
                        + " runs a script but has no 'shell'; composite actions require one (for example bash)");
            }
        }
    }

    private ActionRuns node(String using, YamlMap runs, YamlMap.Entry entry) {
        String where = "'runs' of a JavaScript action";
        Keywords.check(runs, RUNS_NODE, where, reader.diagnostics());
        String main = reader.text(runs.get("main"), NodeReader.keyOf("main", where));
        if (main == null || main.isBlank()) {
            reader.diagnostics().error(runs.has("main") ? runs.entry("main").key().range() : entry.key().range(),
                    Rules.MISSING_KEY, where + " has no 'main'; name the file node runs");
        }
        return new ActionRuns.Node(using, main == null ? "" : main,
                reader.text(runs.get("pre"), NodeReader.keyOf("pre", where)), condition(runs, "pre-if", where),
                reader.text(runs.get("post"), NodeReader.keyOf("post", where)), condition(runs, "post-if", where));
    }

    private ActionRuns docker(YamlMap runs, YamlMap.Entry entry) {
        String where = "'runs' of a Docker container action";
        Keywords.check(runs, RUNS_DOCKER, where, reader.diagnostics());
        String image = reader.text(runs.get("image"), NodeReader.keyOf("image", where));
        if (image == null || image.isBlank()) {
            reader.diagnostics().error(runs.has("image") ? runs.entry("image").key().range() : entry.key().range(),
                    Rules.MISSING_KEY, where + " has no 'image'; name a Dockerfile or a docker:// image");
        }
        List<String> args = new ArrayList<>();
        YamlNode argsNode = runs.get("args");
        if (argsNode instanceof YamlSeq) {
            args.addAll(reader.texts(argsNode, NodeReader.keyOf("args", where)));
        } else if (!NodeReader.absent(argsNode)) {
            reader.wrongType(argsNode, NodeReader.keyOf("args", where), "a list of strings");
        }
        return new ActionRuns.Docker(image == null ? "" : image, reader.env(runs.get("env"), NodeReader.keyOf("env", where)),
                reader.text(runs.get("entrypoint"), NodeReader.keyOf("entrypoint", where)), args,
                reader.text(runs.get("pre-entrypoint"), NodeReader.keyOf("pre-entrypoint", where)),
                condition(runs, "pre-if", where),
                reader.text(runs.get("post-entrypoint"), NodeReader.keyOf("post-entrypoint", where)),
                condition(runs, "post-if", where));
    }

    /** {@code pre-if} or {@code post-if}; {@code always()} when not written ("runs.pre-if", "runs.post-if"). */
    private String condition(YamlMap runs, String key, String where) {
        String value = reader.text(runs.get(key), NodeReader.keyOf(key, where));
        return value == null || value.isBlank() ? ActionRuns.ALWAYS : value;
    }
}

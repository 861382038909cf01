package dev.gantry.github;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's {@code steps} ("Workflow syntax for GitHub Actions", {@code jobs.<job_id>.steps[*]}).
 * A step runs either an action ({@code uses}, with {@code with}) or a script ({@code run}, with
 * {@code shell} and {@code working-directory}), never both. Step ids must be unique in the job;
 * as expressions read ids case-insensitively, {@code Build} and {@code build} collide.
 *
 * <p>Parallel steps (GitHub, June 2026; {@code jobs.<job_id>.steps[*].parallel}): a {@code parallel}
 * group becomes its steps in order, numbered {@code step 5.1}, {@code step 5.2}; {@code background},
 * {@code wait}, {@code wait-all} and {@code cancel} are reported as not supported yet.
 */
final class StepParser {

    /** The parallel-steps keys besides {@code parallel}, which gantry reports rather than runs. */
    private static final List<String> BACKGROUND_KEYS = List.of("background", "wait", "wait-all", "cancel");

    /** A step's keys; the parallel-steps ones are reported by their own rule, not as unknown keys. */
    private static final List<String> STEP_KEYS = java.util.stream.Stream.concat(Keywords.STEP.stream(),
            BACKGROUND_KEYS.stream()).toList();

    private final NodeReader reader;

    StepParser(NodeReader reader) {
        this.reader = reader;
    }

    /** The steps in order; items that are not mappings are reported and left out. */
    List<Step> steps(YamlNode node, String jobWhere) {
        List<Step> out = new ArrayList<>();
        if (NodeReader.absent(node)) {
            return out;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, NodeReader.keyOf("steps", jobWhere), "a list of steps");
            return out;
        }
        Map<String, YamlScalar> ids = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String where = "step " + (i + 1) + " of " + jobWhere;
            YamlMap map = reader.map(item, where);
            if (map == null) {
                if (NodeReader.absent(item)) {
                    reader.wrongType(item, where, "a mapping");
                }
                continue;
            }
            if (map.has("parallel")) {
                out.addAll(parallel(map, where, jobWhere, ids));
            } else {
                out.add(step(map, where, jobWhere, ids));
            }
        }
        return out;
    }

    /**
     * A {@code parallel} group's steps, in the order written. GitHub starts them at once and waits
     * for all; gantry runs them one after another (a warning says so), so a failing step skips the
     * group's later ones, where on GitHub they would still finish.
     */
    private List<Step> parallel(YamlMap map, String where, String jobWhere, Map<String, YamlScalar> ids) {
        Keywords.check(map, List.of("parallel"), where, reader.diagnostics());
        List<Step> out = new ArrayList<>();
        YamlNode group = map.get("parallel");
        if (!(group instanceof YamlSeq seq) || seq.items().isEmpty()) {
            reader.wrongType(group, NodeReader.keyOf("parallel", where), "a non-empty list of steps");
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String childWhere = where.replaceFirst("^step (\\d+)", "step $1." + (i + 1));
            YamlMap child = reader.map(seq.items().get(i), childWhere);
            if (child != null) {
                out.add(step(child, childWhere, jobWhere, ids));
            }
        }
        reader.diagnostics().warning(map.entry("parallel").key().range(), Rules.PARALLEL_STEPS, "gantry runs the "
                + out.size() + " steps of this 'parallel' group one after another, not at once; a failing one skips"
                + " the group's later steps, which GitHub would still finish");
        return out;
    }

    private Step step(YamlMap map, String where, String jobWhere, Map<String, YamlScalar> ids) {
        for (String key : BACKGROUND_KEYS) {
            if (map.has(key)) {
                reader.diagnostics().error(map.entry(key).key().range(), Rules.PARALLEL_STEPS, "'" + key
                        + "' (parallel steps) in " + where + " is not supported by gantry yet; a 'parallel' group is");
            }
        }
        Keywords.check(map, STEP_KEYS, where, reader.diagnostics());
        String id = null;
        if (map.get("id") instanceof YamlScalar idNode && !idNode.isNull()) {
            id = idNode.value();
            Ids.check(idNode, "step", reader.diagnostics());
            YamlScalar first = ids.putIfAbsent(id.toLowerCase(Locale.ROOT), idNode);
            if (first != null) {
                reader.diagnostics().error(idNode.range(), Rules.DUPLICATE_STEP_ID, "step id '" + id + "' is used twice in "
                        + jobWhere + " (first at " + first.range().line() + ":"
                        + first.range().column() + ")");
            }
        } else {
            reader.text(map.get("id"), NodeReader.keyOf("id", where));
        }
        StepAction action = action(map, where);
        String continueOnError = reader.flag(map.get("continue-on-error"), NodeReader.keyOf("continue-on-error", where));
        NodeReader.NumberValue timeout = reader.positive(map.get("timeout-minutes"),
                NodeReader.keyOf("timeout-minutes", where));
        return new Step(id, reader.text(map.get("name"), NodeReader.keyOf("name", where)),
                reader.text(map.get("if"), NodeReader.keyOf("if", where)), action,
                reader.env(map.get("env"), NodeReader.keyOf("env", where)), allowFailure(continueOnError),
                NodeReader.minutes(timeout), timeout == null ? null : timeout.expression(),
                reader.text(map.get("working-directory"), NodeReader.keyOf("working-directory", where)),
                reader.text(map.get("shell"), NodeReader.keyOf("shell", where)), map.range());
    }

    /** {@code continue-on-error} as written ({@code true}, {@code false} or an expression). */
    static AllowFailure allowFailure(String flag) {
        if (flag == null || "false".equals(flag)) {
            return AllowFailure.NO;
        }
        return "true".equals(flag) ? AllowFailure.YES : new AllowFailure(false, flag, List.of());
    }

    private StepAction action(YamlMap map, String where) {
        boolean uses = map.has("uses");
        boolean run = map.has("run");
        if (uses && run) {
            reader.diagnostics().error(map.entry("run").key().range(), Rules.STEP_ACTION,
                    where + " has both 'uses' and 'run'; a step runs one action or one script");
        } else if (!uses && !run && BACKGROUND_KEYS.stream().noneMatch(map::has)) {
            reader.diagnostics().error(map.range(), Rules.STEP_ACTION, where + " has neither 'uses' nor 'run'");
        }
        if (uses) {
            for (String key : List.of("shell", "working-directory")) {
                misplaced(map, key, "'" + key + "' is only for 'run' steps, not for " + where + ", which uses an action");
            }
            YamlNode node = map.get("uses");
            String reference = reader.text(node, NodeReader.keyOf("uses", where));
            if (reference != null) {
                ActionReference.checkStep((YamlScalar) node, where, reader.diagnostics());
            }
            return new StepAction.Uses(reference == null ? "" : reference,
                    reader.textMap(map.get("with"), NodeReader.keyOf("with", where)));
        }
        misplaced(map, "with", "'with' is only for steps that use an action, not for " + where + ", which runs a script");
        String script = reader.text(map.get("run"), NodeReader.keyOf("run", where));
        return new StepAction.Run(script == null ? "" : script);
    }

    private void misplaced(YamlMap map, String key, String message) {
        if (map.has(key)) {
            reader.diagnostics().error(map.entry(key).key().range(), Rules.MISPLACED_KEY, message);
        }
    }
}

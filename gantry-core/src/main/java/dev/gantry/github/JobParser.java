package dev.gantry.github;

import dev.gantry.model.Condition;
import dev.gantry.model.Environment;
import dev.gantry.model.GithubJob;
import dev.gantry.model.Job;
import dev.gantry.model.Matrix;
import dev.gantry.model.Need;
import dev.gantry.model.Retry;
import dev.gantry.model.Step;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code jobs} ("Workflow syntax for GitHub Actions", {@code jobs.<job_id>}). A job
 * either runs steps on a runner ({@code runs-on} and {@code steps} required) or calls a reusable
 * workflow ({@code uses}, with only the keys "Reuse workflows" lists as supported for such a job).
 * Needs are read here and checked against the other jobs by {@link NeedsCheck}.
 */
final class JobParser {

    private final NodeReader reader;
    private final Sections sections;
    private final StepParser steps;
    private final StrategyParser strategies;
    private final ContainerParser containers;

    JobParser(NodeReader reader) {
        this.reader = reader;
        this.sections = new Sections(reader);
        this.steps = new StepParser(reader);
        this.strategies = new StrategyParser(reader);
        this.containers = new ContainerParser(reader);
    }

    /** The job, or null when its value is not a mapping (reported). */
    Job parse(YamlMap.Entry entry) {
        String id = entry.name();
        String where = "job '" + id + "'";
        Ids.check(entry.key(), "job", reader.diagnostics());
        if (!(entry.value() instanceof YamlMap map)) {
            reader.wrongType(entry, where, "a mapping");
            return null;
        }
        Keywords.check(map, Keywords.JOB, where, reader.diagnostics());
        YamlNode usesNode = map.get("uses");
        String uses = reader.text(usesNode, NodeReader.keyOf("uses", where));
        checkShape(map, uses != null, entry, where);
        if (uses != null) {
            ActionReference.checkJob((YamlScalar) usesNode, where, reader.diagnostics());
        }

        String name = reader.text(map.get("name"), NodeReader.keyOf("name", where));
        String condition = reader.text(map.get("if"), NodeReader.keyOf("if", where));
        Matrix matrix = map.entry("strategy") == null ? null : strategies.strategy(map.entry("strategy"), where);
        NodeReader.NumberValue timeout = reader.positive(map.get("timeout-minutes"), NodeReader.keyOf("timeout-minutes", where));
        String continueOnError = reader.flag(map.get("continue-on-error"), NodeReader.keyOf("continue-on-error", where));
        RunsOn runsOn = runsOn(map.entry("runs-on"), where);
        EnvironmentValue environment = environment(map.entry("environment"), where);
        ContainerParser.Parsed container = containers.container(map.entry("container"), where);
        ContainerParser.Services services = containers.services(map.get("services"), where);
        List<Step> jobSteps = steps.steps(map.get("steps"), where);
        Secrets secrets = secrets(map.get("secrets"), where);

        GithubJob details = new GithubJob(sections.permissions(map.get("permissions"), where),
                sections.defaults(map.get("defaults"), where), runsOn.group(),
                timeout == null ? null : timeout.expression(), environment.deployment(),
                container == null ? null : container.credentials(), services.credentials(), uses,
                reader.textMap(map.get("with"), NodeReader.keyOf("with", where)), secrets.passed(), secrets.inherit());
        return new Job(id, name == null ? id : name, null, needs(map.get("needs"), where),
                condition == null ? new Condition.Default() : new Condition.Expression(condition, map.get("if").range()),
                matrix, reader.env(map.get("env"), NodeReader.keyOf("env", where)), runsOn.labels(),
                container == null ? null : container.container(), services.containers(), jobSteps, List.of(), null,
                NodeReader.minutes(timeout), Retry.NONE, StepParser.allowFailure(continueOnError), environment.environment(),
                sections.concurrency(map.entry("concurrency"), where),
                reader.textMap(map.get("outputs"), NodeReader.keyOf("outputs", where)), details, entry.key().range());
    }

    /** A job runs steps or calls a reusable workflow; each shape has its own required and allowed keys. */
    private void checkShape(YamlMap map, boolean calls, YamlMap.Entry entry, String where) {
        if (calls) {
            for (YamlMap.Entry e : map.entries()) {
                if (Keywords.JOB.contains(e.name()) && !Keywords.CALLER_JOB.contains(e.name())) {
                    reader.diagnostics().error(e.key().range(), Rules.MISPLACED_KEY, "'" + e.name() + "' is not allowed in "
                            + where + ", which calls a reusable workflow with 'uses'");
                }
            }
            return;
        }
        for (String key : List.of("with", "secrets")) {
            if (map.has(key)) {
                reader.diagnostics().error(map.entry(key).key().range(), Rules.MISPLACED_KEY, "'" + key
                        + "' is only for a job that calls a reusable workflow with 'uses'");
            }
        }
        if (NodeReader.absent(map.get("runs-on"))) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_RUNS_ON, where + " has no 'runs-on'");
        }
        if (NodeReader.absent(map.get("steps"))) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_STEPS, where + " has neither 'steps' nor 'uses'");
        } else if (map.get("steps") instanceof YamlSeq seq && seq.items().isEmpty()) {
            reader.diagnostics().error(map.entry("steps").key().range(), Rules.MISSING_STEPS, where + " has no steps");
        }
    }

    private List<Need> needs(YamlNode node, String where) {
        List<Need> out = new ArrayList<>();
        for (YamlScalar need : reader.scalars(node, NodeReader.keyOf("needs", where))) {
            out.add(Need.of(need.value(), need.range()));
        }
        return out;
    }

    /**
     * {@code runs-on}.
     *
     * @param labels the labels (one string, a list, or the {@code labels} of the mapping form)
     * @param group  the runner group of the mapping form, or null
     */
    private record RunsOn(List<String> labels, String group) {
    }

    private RunsOn runsOn(YamlMap.Entry entry, String where) {
        String what = NodeReader.keyOf("runs-on", where);
        YamlNode node = entry == null ? null : entry.value();
        if (node instanceof YamlMap map) {
            Keywords.check(map, Keywords.RUNS_ON, what, reader.diagnostics());
            String group = reader.text(map.get("group"), NodeReader.keyOf("group", what));
            List<String> labels = reader.texts(map.get("labels"), NodeReader.keyOf("labels", what));
            if (group == null && labels.isEmpty()) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, what + " needs a 'group' or 'labels'");
            }
            return new RunsOn(labels, group);
        }
        return new RunsOn(reader.texts(node, what), null);
    }

    /**
     * {@code environment}.
     *
     * @param environment the environment, or null
     * @param deployment  {@code deployment:}, true unless written false
     */
    private record EnvironmentValue(Environment environment, boolean deployment) {
    }

    private EnvironmentValue environment(YamlMap.Entry entry, String where) {
        String what = NodeReader.keyOf("environment", where);
        if (entry == null || NodeReader.absent(entry.value())) {
            return new EnvironmentValue(null, true);
        }
        YamlNode node = entry.value();
        if (node instanceof YamlScalar s) {
            return new EnvironmentValue(new Environment(s.value(), null, null, null, null, null, s.range()), true);
        }
        YamlMap map = reader.map(node, what);
        if (map == null) {
            return new EnvironmentValue(null, true);
        }
        Keywords.check(map, Keywords.ENVIRONMENT, what, reader.diagnostics());
        String name = reader.text(map.get("name"), NodeReader.keyOf("name", what));
        String url = reader.text(map.get("url"), NodeReader.keyOf("url", what));
        String deployment = reader.flag(map.get("deployment"), NodeReader.keyOf("deployment", what));
        if (name == null) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, what + " needs a 'name'");
            return new EnvironmentValue(null, true);
        }
        return new EnvironmentValue(new Environment(name, url, null, null, null, null, map.range()),
                !"false".equals(deployment));
    }

    /**
     * {@code secrets} of a reusable workflow call.
     *
     * @param passed  name to value as written
     * @param inherit {@code secrets: inherit}
     */
    private record Secrets(Map<String, String> passed, boolean inherit) {
    }

    private Secrets secrets(YamlNode node, String where) {
        String what = NodeReader.keyOf("secrets", where);
        if (node instanceof YamlScalar s && !s.isNull()) {
            if (!"inherit".equals(s.value())) {
                reader.diagnostics().error(s.range(), Rules.INVALID_VALUE, what
                        + " must be 'inherit' or a mapping of secrets, not '" + s.value() + "'");
            }
            return new Secrets(Map.of(), "inherit".equals(s.value()));
        }
        return new Secrets(reader.textMap(node, what), false);
    }
}

package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.SourceRange;
import dev.gantry.model.Format;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Triggers;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions front end: a workflow's YAML to the {@link Pipeline} model, with a diagnostic for
 * everything "Workflow syntax for GitHub Actions" (docs.github.com) does not allow.
 *
 * <p>The work is split by section: {@link TriggerParser} ({@code on}), {@link JobParser} (with
 * {@link StepParser}, {@link StrategyParser}, {@link ContainerParser}), {@link Sections}
 * ({@code permissions}, {@code defaults}, {@code concurrency}); then the checks that need the
 * whole workflow: {@link NeedsCheck}, {@link ExpressionCheck} (every expression parsed and checked
 * where it stands) and {@link ReferenceCheck} (the names those expressions read).
 * Every problem is reported and parsing goes on, so one run shows all of them; the model is built
 * from what could be read even when there are errors.
 */
public final class GithubFrontEnd {

    private GithubFrontEnd() {
    }

    /**
     * Parses a workflow. Never throws on bad input.
     *
     * @param file        the file name for the model (diagnostics take it from the nodes)
     * @param root        the document's root node
     * @param diagnostics receives every problem found
     * @return the workflow, or null when the document is not a mapping at all
     */
    public static Pipeline parse(String file, YamlNode root, Diagnostics diagnostics) {
        NodeReader reader = new NodeReader(diagnostics);
        if (!(root instanceof YamlMap map)) {
            reader.wrongType(root, "a workflow", "a mapping");
            return null;
        }
        String where = "the workflow";
        Keywords.check(map, Keywords.WORKFLOW, where, diagnostics);
        Sections sections = new Sections(reader);

        TriggerParser.On on = new TriggerParser.On(List.of(), Map.of(), Map.of());
        if (map.entry("on") == null) {
            diagnostics.error(SourceRange.startOf(root.range().file()), Rules.MISSING_ON,
                    "the workflow has no 'on'; name the events that start it");
        } else {
            on = new TriggerParser(reader).parse(map.entry("on"));
        }

        List<Job> jobs = jobs(map, reader);
        NeedsCheck.check(jobs, diagnostics);
        new ReferenceCheck(jobs, on.events(), diagnostics).check(ExpressionCheck.check(map, diagnostics));

        GithubWorkflow details = new GithubWorkflow(reader.text(map.get("run-name"), NodeReader.keyOf("run-name", where)),
                sections.permissions(map.get("permissions"), where), sections.defaults(map.get("defaults"), where),
                sections.concurrency(map.entry("concurrency"), where), on.callOutputs(), on.callSecrets(),
                onRange(map.entry("on")));
        return new Pipeline(Format.GITHUB, file, reader.text(map.get("name"), NodeReader.keyOf("name", where)), List.of(),
                reader.env(map.get("env"), NodeReader.keyOf("env", where)), new Triggers(on.events(), List.of()), jobs,
                details, root.range());
    }

    /** From the {@code on} key to the end of its value; null when there is no {@code on}. */
    private static SourceRange onRange(YamlMap.Entry on) {
        if (on == null) {
            return null;
        }
        SourceRange key = on.key().range();
        SourceRange value = on.value() == null ? key : on.value().range();
        return new SourceRange(key.file(), key.line(), key.column(), value.endLine(), value.endColumn());
    }

    private static List<Job> jobs(YamlMap root, NodeReader reader) {
        List<Job> out = new ArrayList<>();
        YamlMap.Entry entry = root.entry("jobs");
        if (entry == null) {
            reader.diagnostics().error(SourceRange.startOf(root.range().file()), Rules.MISSING_JOBS,
                    "the workflow has no 'jobs'");
            return out;
        }
        YamlMap jobs = reader.map(entry.value(), "'jobs'");
        if (jobs == null || jobs.size() == 0) {
            if (jobs != null || NodeReader.absent(entry.value())) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_JOBS, "'jobs' is empty; a workflow needs at least one job");
            }
            return out;
        }
        JobParser parser = new JobParser(reader);
        for (YamlMap.Entry e : jobs.entries()) {
            Job job = parser.parse(e);
            if (job != null) {
                out.add(job);
            }
        }
        return out;
    }
}

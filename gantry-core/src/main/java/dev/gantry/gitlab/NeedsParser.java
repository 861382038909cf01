package dev.gantry.gitlab;

import dev.gantry.model.Need;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code needs:} of a job or of a rule ("CI/CD YAML syntax reference#needs", "#needs:artifacts",
 * "#needs:optional", "#needs:project", "#needs:pipeline:job", "#needs:parallel:matrix",
 * "#rules:needs"). A need is a job name, or a mapping with {@code job}, {@code artifacts} and
 * {@code optional}; {@code parallel:matrix} narrows it to some cells of a matrix job, each named
 * {@code job: [v1, v2]} as GitLab names matrix jobs. Needs on other pipelines or projects
 * ({@code project:}, {@code pipeline:}) are not edges of this pipeline and are kept apart.
 */
final class NeedsParser {

    /** GitLab.com's limit on the number of needs of one job. */
    static final int MAX_NEEDS = 50;

    /**
     * The parsed needs.
     *
     * @param needs    edges to jobs of this pipeline, in order
     * @param external needs on other pipelines or projects, as plain values
     */
    record Needs(List<Need> needs, List<Map<String, Object>> external) {
    }

    private final Reader reader;

    NeedsParser(Reader reader) {
        this.reader = reader;
    }

    /** The needs, or null when not written (which differs from {@code needs: []}). */
    Needs parse(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        List<Need> needs = new ArrayList<>();
        List<Map<String, Object>> external = new ArrayList<>();
        if (node instanceof YamlMap m && m.has("pipeline") && !m.has("job")) {
            // needs:pipeline mirrors an upstream pipeline's status; it is the one mapping form
            reader.checkKeys(m, Keywords.NEED, "needs of " + where);
            external.add(plain(m));
            return new Needs(needs, external);
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, "needs", "a sequence");
            return null;
        }
        if (seq.items().size() > MAX_NEEDS) {
            reader.error(seq, RuleIds.NEEDS_LIMIT, "a job can need at most " + MAX_NEEDS + " jobs, not "
                    + seq.items().size());
        }
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
                needs.add(Need.of(s.value(), s.range()));
            } else if (item instanceof YamlMap m) {
                entry(m, where, needs, external);
            } else {
                reader.wrongType(item, "needs", "a sequence of job names or mappings with 'job'");
            }
        }
        return new Needs(needs, external);
    }

    private void entry(YamlMap m, String where, List<Need> needs, List<Map<String, Object>> external) {
        reader.checkKeys(m, Keywords.NEED, "needs of " + where);
        if (m.has("project") || m.has("pipeline")) {
            external.add(plain(m));
            return;
        }
        String job = reader.string(m.get("job"), "needs:job");
        if (job == null) {
            if (!m.has("job")) {
                reader.error(m, RuleIds.MISSING_KEY, "a need written as a mapping must have 'job'");
            }
            return;
        }
        Boolean artifacts = reader.bool(m.get("artifacts"), "needs:artifacts");
        Boolean optional = reader.bool(m.get("optional"), "needs:optional");
        List<String> names = matrixNames(job, m.get("parallel"));
        for (String name : names) {
            needs.add(new Need(name, artifacts == null || artifacts, optional != null && optional, m.range()));
        }
    }

    /** {@code job}, or one {@code job: [v1, v2]} per matrix cell that {@code parallel:matrix} selects. */
    private List<String> matrixNames(String job, YamlNode parallel) {
        YamlMap p = reader.map(parallel, "needs:parallel");
        if (p == null) {
            return List.of(job);
        }
        reader.checkKeys(p, java.util.Set.of("matrix"), "needs:parallel");
        List<Map<String, Object>> sets = new MatrixParser(reader).axisSets(p.get("matrix"), "needs:parallel:matrix");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> set : sets) {
            for (List<String> cell : MatrixParser.cells(set)) {
                out.add(job + ": [" + String.join(", ", cell) + "]");
            }
        }
        return out.isEmpty() ? List.of(job) : out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(YamlMap m) {
        return new LinkedHashMap<>((Map<String, Object>) m.toPlain());
    }
}

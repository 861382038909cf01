package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.model.Job;
import dev.gantry.model.Matrix;
import dev.gantry.model.Need;
import dev.gantry.model.Step;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks what a job's expressions read from the {@code steps}, {@code needs} and {@code matrix}
 * contexts ("Contexts reference", docs.github.com): {@code steps.<id>} must name a step of the job,
 * {@code needs.<id>} a job in its {@code needs}, and {@code matrix.<key>} a key of its matrix
 * (axes and {@code include} keys; only when the matrix is written out, not an expression). In a
 * reusable workflow, {@code jobs.<id>} in a {@code workflow_call} output must name a job.
 *
 * <p>Only where the context exists: {@code steps} in the steps, the job's {@code outputs} and
 * {@code environment}; {@code matrix} anywhere but in {@code strategy}. Where a context may be used
 * at all is the expression checker's business. References are found by {@link ContextReferences}.
 */
final class ReferenceCheck {

    private final Diagnostics diagnostics;

    ReferenceCheck(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** What one job's scalar may read. */
    private record Scope(boolean steps, boolean matrix) {
    }

    /** Checks every expression under {@code map}, the YAML of {@code job}. */
    void job(YamlMap map, Job job) {
        JobFacts facts = new JobFacts(job);
        for (YamlMap.Entry e : map.entries()) {
            Scope scope = switch (e.name()) {
                case "steps", "outputs", "environment" -> new Scope(true, true);
                case "strategy" -> new Scope(false, false);
                default -> new Scope(false, true);
            };
            for (YamlScalar scalar : strings(e.value())) {
                check(scalar, scope, facts);
            }
        }
    }

    /** Checks {@code jobs.<id>} in the values of {@code on.workflow_call.outputs}. */
    void callOutputs(YamlMap root, List<Job> jobs) {
        if (!(root.get("on") instanceof YamlMap on) || !(on.get("workflow_call") instanceof YamlMap call)
                || !(call.get("outputs") instanceof YamlMap outputs)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Job job : jobs) {
            ids.add(job.id().toLowerCase(Locale.ROOT));
            names.add(job.id());
        }
        for (YamlMap.Entry output : outputs.entries()) {
            if (!(output.value() instanceof YamlMap map) || !(map.get("value") instanceof YamlScalar value)) {
                continue;
            }
            for (String id : distinct(value, "jobs")) {
                if (!ids.contains(id.toLowerCase(Locale.ROOT))) {
                    diagnostics.error(value.range(), Rules.UNKNOWN_JOB, "output '" + output.name() + "' of 'workflow_call' reads 'jobs."
                            + id + "', but there is no job '" + id + "'" + Keywords.hint(id, names));
                }
            }
        }
    }

    private void check(YamlScalar scalar, Scope scope, JobFacts facts) {
        String where = "job '" + facts.job.id() + "'";
        if (scope.steps()) {
            for (String id : distinct(scalar, "steps")) {
                if (!facts.stepIds.contains(id.toLowerCase(Locale.ROOT))) {
                    diagnostics.error(scalar.range(), Rules.UNKNOWN_STEP, where + " has no step with id '" + id + "'"
                            + Keywords.hint(id, facts.stepIdList));
                }
            }
        }
        for (String id : distinct(scalar, "needs")) {
            if (!facts.needs.contains(id.toLowerCase(Locale.ROOT))) {
                diagnostics.error(scalar.range(), Rules.UNDECLARED_NEED, where + " reads 'needs." + id
                        + "' but does not need '" + id + "'; add it to 'needs'");
            }
        }
        if (scope.matrix()) {
            for (String key : distinct(scalar, "matrix")) {
                matrixKey(scalar, key, facts, where);
            }
        }
    }

    private void matrixKey(YamlScalar scalar, String key, JobFacts facts, String where) {
        Matrix matrix = facts.job.matrix();
        if (matrix == null) {
            diagnostics.error(scalar.range(), Rules.UNKNOWN_MATRIX_KEY, where + " reads 'matrix." + key
                    + "' but has no matrix");
        } else if (facts.matrixKeys != null && !facts.matrixKeys.contains(key.toLowerCase(Locale.ROOT))) {
            diagnostics.error(scalar.range(), Rules.UNKNOWN_MATRIX_KEY, where + " reads 'matrix." + key
                    + "', which is no key of its matrix" + Keywords.hint(key, facts.matrixKeyList));
        }
    }

    /** The names one scalar reads from {@code context}, each once, in order. */
    private static Set<String> distinct(YamlScalar scalar, String context) {
        Set<String> out = new LinkedHashSet<>();
        for (ContextReferences.Reference r : ContextReferences.in(scalar.value())) {
            if (r.context().equals(context)) {
                out.add(r.name());
            }
        }
        return out;
    }

    /**
     * Every string scalar under {@code node} that holds an expression (mapping values, not keys),
     * each once even when aliases share it.
     */
    private static List<YamlScalar> strings(YamlNode node) {
        List<YamlScalar> out = new ArrayList<>();
        Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<YamlNode> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            YamlNode next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            switch (next) {
                case YamlScalar s -> {
                    if (s.type() == YamlScalar.Type.STRING && ExpressionText.contains(s.value())) {
                        out.add(s);
                    }
                }
                case YamlSeq seq -> seq.items().reversed().forEach(todo::push);
                case YamlMap map -> map.entries().reversed().forEach(e -> todo.push(e.value()));
            }
        }
        return out;
    }

    /** What a job's references may name, lower-cased for GitHub's case-insensitive property access. */
    private static final class JobFacts {
        final Job job;
        final Set<String> stepIds = new HashSet<>();
        final List<String> stepIdList = new ArrayList<>();
        final Set<String> needs = new HashSet<>();
        /** null when the matrix is not written out (an expression decides its keys). */
        final Set<String> matrixKeys;
        final List<String> matrixKeyList = new ArrayList<>();

        JobFacts(Job job) {
            this.job = job;
            for (Step step : job.steps()) {
                if (step.id() != null) {
                    stepIds.add(step.id().toLowerCase(Locale.ROOT));
                    stepIdList.add(step.id());
                }
            }
            for (Need need : job.needs()) {
                needs.add(need.job().toLowerCase(Locale.ROOT));
            }
            Matrix matrix = job.matrix();
            if (matrix == null || matrix.expression() != null || matrix.includeExpression() != null) {
                matrixKeys = null;
                return;
            }
            Set<String> keys = new LinkedHashSet<>();
            matrix.axisSets().forEach(axes -> keys.addAll(axes.keySet()));
            matrix.include().forEach(entry -> keys.addAll(entry.keySet()));
            matrixKeyList.addAll(keys);
            matrixKeys = new HashSet<>();
            keys.forEach(k -> matrixKeys.add(k.toLowerCase(Locale.ROOT)));
        }
    }
}

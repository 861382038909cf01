package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.expr.github.ContextAvailability;
import dev.gantry.expr.github.ExpressionCache;
import dev.gantry.expr.github.ExpressionError;
import dev.gantry.expr.github.IfCondition;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.Template;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses every expression of a workflow and checks each where it stands.
 *
 * <ul>
 *   <li>Every {@code ${{ }}} in every string value, and every job and step {@code if:} with or
 *       without {@code ${{ }}} ("Evaluate expressions in workflows and actions#about-expressions",
 *       "Workflow syntax for GitHub Actions#jobsjob_idif"): a syntax error, an unknown function or
 *       context, a wrong argument count or a double-quoted string is an error (rule
 *       {@code expression}) at the character where it is written; a {@code ${{} without its
 *       {@code }}} has its own rule, {@code unclosed-expression}.</li>
 *   <li>Each expression against the table of "Contexts reference#context-availability" for its
 *       key path (rule {@code context-availability}), through {@link ContextAvailability}.</li>
 *   <li>An {@code if:} with text around {@code ${{ }}} is a non-empty string and always true
 *       (warning {@code if-always-true}; the note in "Workflow syntax for GitHub
 *       Actions#jobsjob_idstepsif").</li>
 * </ul>
 *
 * Keys are never evaluated, so only values are read. YAML aliases share nodes: within one job (and
 * within the rest of the workflow) each node is visited once, at the first place it appears, so
 * that nested aliases stay linear.
 */
final class ExpressionCheck {

    private static final int SNIPPET = 24;

    private final Diagnostics diagnostics;
    private final ExpressionCache cache = new ExpressionCache();
    private final List<ExpressionUse> uses = new ArrayList<>();

    private ExpressionCheck(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Checks the workflow under {@code root} and returns every parsed expression, in document order. */
    static List<ExpressionUse> check(YamlMap root, Diagnostics diagnostics) {
        ExpressionCheck check = new ExpressionCheck(diagnostics);
        Set<YamlNode> seen = newSeen();
        for (YamlMap.Entry e : root.entries()) {
            if (e.name().equals("jobs") && e.value() instanceof YamlMap jobs) {
                for (YamlMap.Entry job : jobs.entries()) {
                    check.walk(job.value(), List.of("jobs", job.name()), newSeen());
                }
            } else {
                check.walk(e.value(), List.of(e.name()), seen);
            }
        }
        return check.uses;
    }

    private static Set<YamlNode> newSeen() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A node to visit and its key path. */
    private record Visit(YamlNode node, List<String> path) {
    }

    private void walk(YamlNode start, List<String> startPath, Set<YamlNode> seen) {
        Deque<Visit> todo = new ArrayDeque<>();
        todo.push(new Visit(start, startPath));
        while (!todo.isEmpty()) {
            Visit visit = todo.pop();
            if (!seen.add(visit.node())) {
                continue;
            }
            switch (visit.node()) {
                case YamlScalar s -> scalar(s, visit.path());
                case YamlSeq seq -> {
                    List<YamlNode> items = seq.items();
                    for (int i = items.size() - 1; i >= 0; i--) {
                        todo.push(new Visit(items.get(i), item(visit.path(), i)));
                    }
                }
                case YamlMap map -> {
                    List<YamlMap.Entry> entries = map.entries();
                    for (int i = entries.size() - 1; i >= 0; i--) {
                        todo.push(new Visit(entries.get(i).value(), child(visit.path(), entries.get(i).name())));
                    }
                }
            }
        }
    }

    private static List<String> child(List<String> path, String key) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(key);
        return out;
    }

    /** The path of item {@code i} of the sequence at {@code path}: its last segment gets {@code [i]}. */
    private static List<String> item(List<String> path, int i) {
        List<String> out = new ArrayList<>(path);
        out.set(out.size() - 1, out.getLast() + "[" + i + "]");
        return out;
    }

    /** {@code jobs.<id>.if} and {@code jobs.<id>.steps[i].if}. */
    private static boolean isCondition(List<String> path) {
        if (path.size() < 3 || !path.getFirst().equals("jobs") || !path.getLast().equals("if")) {
            return false;
        }
        return path.size() == 3 || path.size() == 4 && stepIndex(path.get(2)) >= 0;
    }

    /** {@code i} of a path segment {@code steps[i]}, or -1 for any other segment. */
    private static int stepIndex(String segment) {
        if (!segment.startsWith("steps[") || !segment.endsWith("]") || segment.length() < "steps[0]".length()) {
            return -1;
        }
        String digits = segment.substring("steps[".length(), segment.length() - 1);
        return digits.chars().allMatch(Character::isDigit) && digits.length() < 10 ? Integer.parseInt(digits) : -1;
    }

    private void scalar(YamlScalar scalar, List<String> path) {
        if (isCondition(path)) {
            if (!scalar.isNull()) {
                condition(scalar, path);
            }
        } else if (scalar.type() == YamlScalar.Type.STRING && ExpressionText.contains(scalar.value())) {
            template(scalar, path);
        }
    }

    private void condition(YamlScalar scalar, List<String> path) {
        Result<IfCondition> parsed = cache.condition(scalar.value());
        if (parsed instanceof Result.Err<IfCondition> err) {
            syntaxError(scalar, err.error());
            return;
        }
        IfCondition condition = parsed.value();
        if (condition.hasTextAroundExpression()) {
            diagnostics.warning(scalar.range(), Rules.IF_ALWAYS_TRUE, "'if' of " + where(path) + " is always true: the"
                    + " text around '${{ }}' makes it a non-empty string; put the whole condition inside one '${{ }}'");
            condition.template().expressions().forEach(e -> use(scalar, path, e));
        } else if (condition.expression() != null) {
            use(new ExpressionUse(scalar, path, condition.expression(), condition.expressionOffset()));
        }
    }

    private void template(YamlScalar scalar, List<String> path) {
        Result<Template> parsed = cache.template(scalar.value());
        if (parsed instanceof Result.Err<Template> err) {
            syntaxError(scalar, err.error());
        } else {
            parsed.value().expressions().forEach(e -> use(scalar, path, e));
        }
    }

    private void use(YamlScalar scalar, List<String> path, Template.Embedded embedded) {
        use(new ExpressionUse(scalar, path, embedded.expression(), embedded.textStart()));
    }

    private void use(ExpressionUse use) {
        uses.add(use);
        for (ContextAvailability.Problem p : ContextAvailability.check(use.keyPath(), use.expression())) {
            diagnostics.error(use.at(p.start()), Rules.CONTEXT_AVAILABILITY, p.message());
        }
    }

    private void syntaxError(YamlScalar scalar, ExpressionError error) {
        String value = scalar.value();
        if (error.offset() == Template.unclosedAt(value)) {
            String rest = value.substring(error.offset()).lines().findFirst().orElse("").strip();
            String snippet = rest.length() > SNIPPET ? rest.substring(0, SNIPPET) + "..." : rest;
            diagnostics.error(scalar.positionOf(error.offset()), Rules.UNCLOSED_EXPRESSION,
                    "'" + snippet + "' has no closing '}}'");
        } else {
            diagnostics.error(scalar.positionOf(error.offset()), Rules.EXPRESSION,
                    "invalid expression: " + error.message());
        }
    }

    /** How messages name the job or step a condition belongs to. */
    private static String where(List<String> path) {
        String job = "job '" + path.get(1) + "'";
        if (path.size() == 3) {
            return job;
        }
        return "step " + (stepIndex(path.get(2)) + 1) + " of " + job;
    }
}

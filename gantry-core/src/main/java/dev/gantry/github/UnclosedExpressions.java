package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Reports every <code>${{</code> that no <code>}}</code> closes, anywhere in the workflow (rule
 * {@code unclosed-expression}), at the string that holds it. A stand-in for the full syntax check
 * of the expression parser; see {@link ExpressionText}.
 */
final class UnclosedExpressions {

    private static final int SNIPPET = 24;

    private UnclosedExpressions() {
    }

    static void check(YamlNode root, Diagnostics diagnostics) {
        // Aliases share nodes: visit each once, so that a file of nested aliases stays linear.
        Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<YamlNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            YamlNode node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            switch (node) {
                case YamlScalar s -> scalar(s, diagnostics);
                case YamlSeq seq -> seq.items().forEach(todo::push);
                case YamlMap map -> map.entries().forEach(e -> todo.push(e.value()));
            }
        }
    }

    private static void scalar(YamlScalar scalar, Diagnostics diagnostics) {
        if (scalar.type() != YamlScalar.Type.STRING) {
            return;
        }
        ExpressionText.Scan scan = ExpressionText.scan(scalar.value());
        if (scan.unclosed()) {
            String rest = scalar.value().substring(scan.unclosedStart()).lines().findFirst().orElse("").strip();
            String snippet = rest.length() > SNIPPET ? rest.substring(0, SNIPPET) + "..." : rest;
            diagnostics.error(scalar.range(), Rules.UNCLOSED_EXPRESSION, "'" + snippet + "' has no closing '}}'");
        }
    }
}

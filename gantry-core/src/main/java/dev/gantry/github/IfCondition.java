package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;

/**
 * Reads a job or step {@code if:} and warns when it is always true. GitHub evaluates {@code if}
 * as an expression, with or without <code>${{ }}</code>; but text around a <code>${{ }}</code>
 * turns the whole value into a string, and a non-empty string is true ("Evaluate expressions in
 * workflows and actions#Example expression in an if conditional", and the note in "Workflow
 * syntax for GitHub Actions#jobs.<job_id>.steps[*].if").
 */
final class IfCondition {

    private IfCondition() {
    }

    /** The condition's text, or null when absent; warns (rule {@code if-always-true}) at the value. */
    static String read(YamlNode node, String where, NodeReader reader) {
        String text = reader.text(node, NodeReader.keyOf("if", where));
        if (text != null && node instanceof YamlScalar s) {
            warnIfAlwaysTrue(s, where, reader.diagnostics());
        }
        return text;
    }

    private static void warnIfAlwaysTrue(YamlScalar value, String where, Diagnostics diagnostics) {
        String text = value.value();
        if (ExpressionText.contains(text) && !ExpressionText.scan(text).unclosed() && !ExpressionText.isWhole(text)) {
            diagnostics.warning(value.range(), Rules.IF_ALWAYS_TRUE, "'if' of " + where + " is always true: the text "
                    + "around '${{ }}' makes it a non-empty string; put the whole condition inside one '${{ }}'");
        }
    }
}

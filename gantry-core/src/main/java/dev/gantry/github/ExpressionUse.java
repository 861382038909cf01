package dev.gantry.github;

import dev.gantry.diag.SourceRange;
import dev.gantry.expr.github.Expression;
import dev.gantry.yaml.YamlScalar;
import java.util.List;

/**
 * One parsed expression of a workflow and where it stands, for the checks that look at what
 * expressions read.
 *
 * @param scalar     the YAML value that holds it
 * @param path       the key path down to the value, one segment per key, a sequence item as
 *                   {@code key[i]}: {@code [jobs, build, steps[2], with, path]}
 * @param expression the expression
 * @param offset     where the expression's text starts in the scalar's value, so that an offset in
 *                   the expression plus this one is an offset in the value
 */
record ExpressionUse(YamlScalar scalar, List<String> path, Expression expression, int offset) {

    ExpressionUse {
        path = List.copyOf(path);
    }

    /** The dotted key path, the form {@link dev.gantry.expr.github.ContextAvailability} takes. */
    String keyPath() {
        return String.join(".", path);
    }

    /** The id of the job the expression belongs to, or null when it stands outside {@code jobs}. */
    String job() {
        return path.size() > 2 && path.get(0).equals("jobs") ? path.get(1) : null;
    }

    /** Where the character at {@code expressionOffset} of the expression's text is written. */
    SourceRange at(int expressionOffset) {
        return scalar.positionOf(offset + expressionOffset);
    }
}

package dev.gantry.plan;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.Template;
import java.util.Map;

/**
 * The name of a matrix leg whose {@code name:} holds expressions ({@code Test JDK ${{ matrix.java }}}).
 * When they read only the {@code matrix} context, the name is known from the plan on, so the dry
 * run, the jobs that never start (skipped, not run after a failure) and the summary all show it as
 * GitHub does. A name that reads other contexts ({@code needs}, {@code github}...) is kept as
 * written and evaluated when the job starts.
 */
final class LegName {

    private LegName() {
    }

    static String of(String written, Map<String, Object> cell) {
        if (!(Template.parse(written) instanceof Result.Ok<Template> ok)) {
            return written;
        }
        boolean matrixOnly = ok.value().expressions().stream()
                .flatMap(e -> e.expression().contextReferences().stream())
                .allMatch(r -> r.context() == ContextName.MATRIX);
        if (!matrixOnly) {
            return written;
        }
        return ok.value().evaluateToString(EvalContext.of(Map.of("matrix", cell))) instanceof Result.Ok<String> name
                ? name.value() : written;
    }
}

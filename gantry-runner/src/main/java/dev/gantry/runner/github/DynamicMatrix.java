package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.model.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the expressions of a matrix once its job is ready: a whole matrix such as
 * {@code ${{ fromJSON(needs.setup.outputs.matrix) }}}, an axis, or the include or exclude list
 * ("Running variations of jobs in a workflow#using contexts to create matrices"). The result is a
 * literal {@link Matrix} for {@link dev.gantry.plan.MatrixExpansion}.
 */
final class DynamicMatrix {

    private DynamicMatrix() {
    }

    static Matrix evaluate(Matrix matrix, EvalContext context, Interpolator interpolator, String where)
            throws ExpressionFailure {
        List<Map<String, Object>> axisSets = new ArrayList<>();
        List<Map<String, Object>> include = new ArrayList<>(matrix.include());
        List<Map<String, Object>> exclude = new ArrayList<>(matrix.exclude());
        if (matrix.expression() != null) {
            Object whole = interpolator.value(matrix.expression(), context, where);
            if (!(whole instanceof Map<?, ?> map)) {
                throw new ExpressionFailure("the matrix in " + where + " must evaluate to an object, not " + describe(whole));
            }
            Map<String, Object> axes = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                switch (key) {
                    case "include" -> include.addAll(entries(e.getValue(), where + ".include"));
                    case "exclude" -> exclude.addAll(entries(e.getValue(), where + ".exclude"));
                    default -> axes.put(key, axis(e.getValue(), where + "." + key));
                }
            }
            axisSets.add(axes);
        } else {
            for (Map<String, Object> set : matrix.axisSets()) {
                Map<String, Object> axes = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : set.entrySet()) {
                    Object value = e.getValue() instanceof String s ? interpolator.value(s, context, where + "." + e.getKey())
                            : e.getValue();
                    axes.put(e.getKey(), axis(value, where + "." + e.getKey()));
                }
                axisSets.add(axes);
            }
        }
        if (matrix.includeExpression() != null) {
            include.addAll(entries(interpolator.value(matrix.includeExpression(), context, where + ".include"),
                    where + ".include"));
        }
        if (matrix.excludeExpression() != null) {
            exclude.addAll(entries(interpolator.value(matrix.excludeExpression(), context, where + ".exclude"),
                    where + ".exclude"));
        }
        return new Matrix(axisSets, include, exclude, null, null, null, 0, matrix.failFast(), matrix.maxParallel(),
                matrix.range());
    }

    private static List<Object> axis(Object value, String where) throws ExpressionFailure {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new ExpressionFailure("the matrix axis " + where + " must be an array, not " + describe(value));
    }

    private static List<Map<String, Object>> entries(Object value, String where) throws ExpressionFailure {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ExpressionFailure(where + " must be an array of objects, not " + describe(value));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new ExpressionFailure(where + " must hold objects, not " + describe(item));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            map.forEach((k, v) -> entry.put(String.valueOf(k), v));
            out.add(entry);
        }
        return out;
    }

    private static String describe(Object value) {
        return dev.gantry.expr.github.Values.kind(value).name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.ExpressionCache;
import dev.gantry.expr.github.IfCondition;
import dev.gantry.expr.github.Result;
import dev.gantry.expr.github.Template;
import dev.gantry.github.TimeoutMinutes;

/**
 * Evaluates the expressions of one job's values: {@code ${{ }}} interpolation in strings and
 * {@code if:} conditions ("Evaluate expressions in workflows and actions"). Parsed expressions are
 * cached for the job. Not thread-safe: one per job.
 */
final class Interpolator {

    private final ExpressionCache cache = new ExpressionCache();

    /** The value with every {@code ${{ }}} replaced by its value as a string; null stays null. */
    String string(String value, EvalContext context, String where) throws ExpressionFailure {
        if (value == null || !value.contains("${{")) {
            return value;
        }
        return unwrap(cache.template(value).flatMap(t -> t.evaluateToString(context)), where, value);
    }

    /**
     * The value as JSON-shaped data: a value that is one {@code ${{ }}} and nothing else keeps the
     * expression's type (an object stays an object); anything else is a string.
     */
    Object value(String value, EvalContext context, String where) throws ExpressionFailure {
        if (value == null || !value.contains("${{")) {
            return value;
        }
        return unwrap(cache.template(value).flatMap(t -> t.evaluate(context)), where, value);
    }

    /**
     * {@code timeout-minutes} written as an expression ("Workflow syntax for GitHub Actions#
     * jobs.&lt;job_id&gt;.timeout-minutes", "#jobs.&lt;job_id&gt;.steps[*].timeout-minutes"): its value,
     * a number or a numeric string above zero, as a duration.
     *
     * @throws ExpressionFailure when it does not evaluate, or not to a number above zero
     */
    java.time.Duration minutes(String expression, EvalContext context, String where) throws ExpressionFailure {
        Object value = value(expression, context, where);
        double minutes;
        try {
            minutes = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            minutes = Double.NaN;
        }
        if (!(minutes > 0)) {
            throw new ExpressionFailure(where + ": timeout-minutes must be a number above zero, not '" + value + "'");
        }
        return TimeoutMinutes.of(minutes);
    }

    /** An {@code if:} condition, with the implicit {@code success() &&} when it calls no status function. */
    boolean condition(String text, EvalContext context, String where) throws ExpressionFailure {
        Result<IfCondition> parsed = cache.condition(text);
        return unwrap(parsed.flatMap(c -> c.evaluate(context)), where, text);
    }

    /** {@code env:} entries with their values evaluated, in order ("" for a null value). */
    java.util.Map<String, String> env(java.util.List<dev.gantry.model.Variable> vars, EvalContext context, String where)
            throws ExpressionFailure {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        for (dev.gantry.model.Variable v : vars) {
            String value = string(v.value(), context, where + "." + v.name());
            env.put(v.name(), value == null ? "" : value);
        }
        return env;
    }

    /** Whether {@code text} (a template) has any expression in it. */
    static boolean hasExpression(String text) {
        return text != null && text.contains("${{") && Template.parse(text).isOk();
    }

    private static <T> T unwrap(Result<T> result, String where, String source) throws ExpressionFailure {
        return switch (result) {
            case Result.Ok<T> ok -> ok.value();
            case Result.Err<T> err -> throw new ExpressionFailure(
                    "the expression in " + where + " is not valid: " + err.error().message() + " (in '" + source + "')");
        };
    }
}

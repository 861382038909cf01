package dev.gantry.expr.github;

/**
 * A job's or step's {@code if:} ("Workflow syntax for GitHub Actions#jobsjob_idif",
 * "#jobsjob_idstepsif"; "Evaluate expressions in workflows and actions#status-check-functions").
 *
 * <ul>
 *   <li>The expression may be written with or without {@code ${{ }}}.</li>
 *   <li>Unless it calls {@code success()}, {@code always()}, {@code cancelled()} or {@code failure()}
 *       anywhere, it means {@code success() && (expression)}.</li>
 *   <li>An empty condition means {@code success()}.</li>
 *   <li>Text around {@code ${{ }}} (for example {@code if: ${{ a }} && b} after YAML reads it as
 *       one string) makes the whole value a string, which is not empty and so always true. It is
 *       evaluated that way, and {@link #hasTextAroundExpression()} lets lint warn about it.</li>
 * </ul>
 */
public final class IfCondition {

    private final String source;
    private final Expression expression;
    private final Template template;
    private final int offset;
    private final boolean implicitSuccess;

    private IfCondition(String source, Expression expression, Template template, int offset, boolean implicitSuccess) {
        this.source = source;
        this.expression = expression;
        this.template = template;
        this.offset = offset;
        this.implicitSuccess = implicitSuccess;
    }

    /** Parses the text of an {@code if:} value. Error offsets count from the start of {@code text}. */
    public static Result<IfCondition> parse(String text) {
        if (!text.contains(Template.OPEN)) {
            return bare(text, text, 0);
        }
        Result<Template> t = Template.parse(text);
        if (t instanceof Result.Err<Template> err) {
            return Result.error(err.error());
        }
        Template template = t.value();
        Template.Embedded single = template.single();
        if (single != null) {
            return Result.ok(new IfCondition(text, single.expression(), null, single.textStart(),
                    !single.expression().callsStatusFunction()));
        }
        if (!template.hasExpressions()) {
            // ${{ 'text' }} is literal text, and the runner then reads that text as the condition.
            Template.Part only = template.parts().isEmpty() ? null : template.parts().getFirst();
            String literal = only instanceof Template.Text txt ? txt.text() : "";
            return bare(text, literal, only == null ? 0 : only.start());
        }
        boolean callsStatus = template.expressions().stream().anyMatch(e -> e.expression().callsStatusFunction());
        return Result.ok(new IfCondition(text, null, template, 0, !callsStatus));
    }

    private static Result<IfCondition> bare(String source, String condition, int offset) {
        if (condition.isBlank()) {
            return Result.ok(new IfCondition(source, null, null, offset, true));
        }
        Result<Expression> e = Expression.parse(condition);
        if (e instanceof Result.Err<Expression> err) {
            return Result.error(err.error().shift(offset));
        }
        Expression expr = e.value();
        return Result.ok(new IfCondition(source, expr, null, offset, !expr.callsStatusFunction()));
    }

    /** The {@code if:} text as written. */
    public String source() {
        return source;
    }

    /**
     * The condition's expression, or null when the condition is empty or has text around
     * {@code ${{ }}}. Its node offsets count from {@link #expressionOffset()}.
     */
    public Expression expression() {
        return expression;
    }

    /** Offset in {@link #source()} where {@link #expression()}'s text begins. */
    public int expressionOffset() {
        return offset;
    }

    /** True when {@code success() &&} is implied because no status check function is called. */
    public boolean implicitSuccess() {
        return implicitSuccess;
    }

    /** True when text stands around {@code ${{ }}}: the condition is then a non-empty string, always true. */
    public boolean hasTextAroundExpression() {
        return template != null;
    }

    /** The string form when {@link #hasTextAroundExpression()}, else null; for lint to point at its parts. */
    public Template template() {
        return template;
    }

    /** Whether the step or job runs. Error offsets count from the start of {@link #source()}. */
    public Result<Boolean> evaluate(EvalContext context) {
        if (implicitSuccess && !context.status().success()) {
            return Result.ok(false);
        }
        if (template != null) {
            return template.evaluateToString(context).map(Values::isTruthy);
        }
        if (expression == null) {
            return Result.ok(true);
        }
        Result<Object> r = expression.evaluate(context);
        if (r instanceof Result.Err<Object> err) {
            return Result.error(err.error().shift(offset));
        }
        return Result.ok(Values.isTruthy(r.value()));
    }

    @Override
    public String toString() {
        return source;
    }
}

package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.List;

/**
 * A string value of a workflow split into literal text and {@code ${{ }}} expressions, with the
 * offset of every part in the string so that diagnostics can point inside the YAML value.
 *
 * <p>Rules, from "Evaluate expressions in workflows and actions#about-expressions" and the runner's
 * template reader where the page is silent: a string may hold any number of expressions; an
 * expression ends at the first {@code }}} outside a single-quoted string, so
 * {@code ${{ '}}' }} } is one expression; {@code ${{ }}} with nothing inside is an error. A value
 * that is exactly one expression keeps the expression's type (a number stays a number); otherwise
 * every expression is turned into a string ({@link Values#toStr}) and the pieces are joined. An
 * expression that is only a string literal, such as {@code ${{ '${{ not evaluated }}' }}}, is
 * literal text.
 */
public final class Template {

    /** A piece of the string. Offsets are 0-based in the whole string; {@code end} is exclusive. */
    public sealed interface Part {
        int start();

        int end();
    }

    /** Literal text. */
    public record Text(String text, int start, int end) implements Part {
    }

    /**
     * One {@code ${{ ... }}}.
     *
     * @param expression the parsed expression; its node offsets count from {@code textStart}
     * @param textStart  offset in the string of the expression text's first character (after
     *                   {@code ${{} and any whitespace)
     * @param start      offset of the {@code $}
     * @param end        offset just after the closing {@code }}}
     */
    public record Embedded(Expression expression, int textStart, int start, int end) implements Part {
    }

    static final String OPEN = "${{";

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Splits and parses a string value. Error offsets count from the start of {@code value}. */
    public static Result<Template> parse(String value) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            int open = value.indexOf(OPEN, i);
            if (open < 0) {
                parts.add(new Text(value.substring(i), i, n));
                break;
            }
            if (open > i) {
                parts.add(new Text(value.substring(i, open), i, open));
            }
            int close = closing(value, open + OPEN.length());
            if (close < 0) {
                return Result.error(new ExpressionError(
                        "the expression is not closed: '${{' needs a matching '}}'", open, n - open));
            }
            int from = open + OPEN.length();
            int to = close - 1;
            while (from < to && Numbers.isWhitespace(value.charAt(from))) {
                from++;
            }
            while (to > from && Numbers.isWhitespace(value.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                return Result.error(new ExpressionError("expected an expression between '${{' and '}}'",
                        open, close + 1 - open));
            }
            int textStart = from;
            Result<Expression> parsed = Expression.parse(value.substring(from, to));
            if (parsed instanceof Result.Err<Expression> err) {
                return Result.error(err.error().shift(textStart));
            }
            parts.add(new Embedded(parsed.value(), textStart, open, close + 1));
            i = close + 1;
        }
        if (parts.size() == 1 && parts.getFirst() instanceof Embedded e
                && e.expression().root() instanceof Node.Literal lit && lit.value() instanceof String s) {
            return Result.ok(new Template(value, List.of(new Text(s, e.start(), e.end()))));
        }
        return Result.ok(new Template(value, parts));
    }

    /**
     * Offset of the first {@code ${{} in {@code value} that no {@code }}} closes, or -1. Lint
     * reports an unclosed expression apart from other syntax errors; {@link #parse} reports it at
     * this same offset when it is the first problem of the string.
     */
    public static int unclosedAt(String value) {
        int i = 0;
        while (true) {
            int open = value.indexOf(OPEN, i);
            if (open < 0) {
                return -1;
            }
            int close = closing(value, open + OPEN.length());
            if (close < 0) {
                return open;
            }
            i = close + 1;
        }
    }

    /** Index of the second '}' of the first "}}" at or after {@code from} that is outside a quoted string, or -1. */
    private static int closing(String value, int from) {
        boolean inString = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                inString = !inString; // '' inside a string toggles twice, which is what an escaped quote needs
            } else if (!inString && c == '}' && i > from && value.charAt(i - 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The string as given. */
    public String source() {
        return source;
    }

    /** The pieces in order; empty for an empty string. */
    public List<Part> parts() {
        return parts;
    }

    /** Whether any expression is embedded; a string without one is plain text. */
    public boolean hasExpressions() {
        return parts.stream().anyMatch(Embedded.class::isInstance);
    }

    /** The embedded expressions in order. */
    public List<Embedded> expressions() {
        return parts.stream().filter(Embedded.class::isInstance).map(Embedded.class::cast).toList();
    }

    /** The one expression when the string is exactly {@code ${{ ... }}} (its value keeps its type), else null. */
    public Embedded single() {
        return parts.size() == 1 && parts.getFirst() instanceof Embedded e ? e : null;
    }

    /**
     * The value: a single expression's own value, otherwise the text with every expression's value
     * turned into a string. Error offsets count from the start of the string.
     */
    public Result<Object> evaluate(EvalContext context) {
        Embedded only = single();
        if (only != null) {
            Result<Object> r = only.expression().evaluate(context);
            return r instanceof Result.Err<Object> err ? Result.error(err.error().shift(only.textStart())) : r;
        }
        return evaluateToString(context).map(s -> s);
    }

    /** The value as a string, as an environment variable or a {@code run:} script receives it. */
    public Result<String> evaluateToString(EvalContext context) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Text t -> sb.append(t.text());
                case Embedded e -> {
                    Result<Object> r = e.expression().evaluate(context);
                    if (r instanceof Result.Err<Object> err) {
                        return Result.error(err.error().shift(e.textStart()));
                    }
                    sb.append(Values.toStr(r.value()));
                }
            }
        }
        return Result.ok(sb.toString());
    }

    @Override
    public String toString() {
        return source;
    }
}

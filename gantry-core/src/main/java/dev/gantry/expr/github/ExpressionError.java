package dev.gantry.expr.github;

/**
 * Why an expression could not be parsed or evaluated, and where.
 *
 * @param message a plain sentence for a person, without a trailing period; never holds a secret
 *                value (only the expression's own text and names)
 * @param offset  0-based index of the offending character in the text that was parsed (the
 *                expression for {@link Expression}, the whole string for {@link Template} and
 *                {@link IfCondition}); 0 when the problem belongs to the expression as a whole
 * @param length  number of characters the problem spans, at least 0
 */
public record ExpressionError(String message, int offset, int length) {

    /** The error moved right by {@code delta} characters, for an expression inside a larger string. */
    public ExpressionError shift(int delta) {
        return new ExpressionError(message, offset + delta, length);
    }
}

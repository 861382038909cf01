package dev.gantry.expr.gitlab;

/**
 * Thrown inside the lexer and parser to unwind to {@link VariableExpression#parse}, which turns it
 * into an {@link ExpressionError}; it never leaves this package.
 */
final class SyntaxError extends Exception {

    private final int offset;

    SyntaxError(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    ExpressionError toError() {
        return new ExpressionError(getMessage(), offset);
    }
}

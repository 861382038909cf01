package dev.gantry.expr.gitlab;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;

/**
 * Why a CI/CD variable expression could not be parsed.
 *
 * @param message a plain phrase for a person, without a trailing period
 * @param offset  0-based index into the expression text where the problem starts
 */
public record ExpressionError(String message, int offset) {

    /** Stable rule id of the diagnostic made by {@link #toDiagnostic}. */
    public static final String RULE = "invalid-expression";

    /**
     * A diagnostic at {@code where}, the YAML value holding the expression. The offset goes into
     * the message, because the value may be quoted and its columns then differ from the text's.
     */
    public Diagnostic toDiagnostic(SourceRange where) {
        return new Diagnostic(Severity.ERROR, where,
                "invalid expression syntax at character " + (offset + 1) + ": " + message, RULE);
    }
}

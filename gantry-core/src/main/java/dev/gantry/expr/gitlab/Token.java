package dev.gantry.expr.gitlab;

/**
 * One token of a CI/CD variable expression.
 *
 * @param kind   what it is
 * @param text   the variable name, the string's content, or the operator as written
 * @param regex  the compiled literal for {@link Kind#PATTERN}, else null
 * @param offset 0-based index of its first character
 */
record Token(Kind kind, String text, RegexLiteral regex, int offset) {

    enum Kind { VARIABLE, STRING, PATTERN, NULL, EQUALS, NOT_EQUALS, MATCHES, NOT_MATCHES, AND, OR, LEFT, RIGHT, END }

    boolean isValue() {
        return kind == Kind.VARIABLE || kind == Kind.STRING || kind == Kind.PATTERN || kind == Kind.NULL;
    }

    boolean isComparison() {
        return kind == Kind.EQUALS || kind == Kind.NOT_EQUALS || kind == Kind.MATCHES || kind == Kind.NOT_MATCHES;
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case VARIABLE -> "$" + text;
            case STRING -> "a string";
            case PATTERN -> "a regular expression";
            case END -> "the end of the expression";
            default -> "'" + text + "'";
        };
    }
}

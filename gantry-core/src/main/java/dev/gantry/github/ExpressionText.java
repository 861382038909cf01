package dev.gantry.github;

/**
 * Tells whether a string holds a {@code ${{ }}} expression ("Evaluate expressions in workflows and
 * actions", docs.github.com: "an expression ... uses the syntax {@code ${{ <expression> }}}"),
 * for the keys that take either a literal value or an expression deciding it at run time. The
 * expressions themselves are parsed and checked by {@link ExpressionCheck}.
 */
final class ExpressionText {

    private ExpressionText() {
    }

    /** True when the text holds an expression (closed or not). */
    static boolean contains(String text) {
        return text.contains("${{");
    }
}

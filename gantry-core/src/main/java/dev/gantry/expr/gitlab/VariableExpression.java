package dev.gantry.expr.gitlab;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed GitLab CI/CD variable expression, as written in {@code rules:if},
 * {@code workflow:rules:if} and {@code only:variables}/{@code except:variables}. Follows "Specify
 * when jobs run with rules#CI/CD variable expressions" (docs.gitlab.com) and its subsections:
 *
 * <ul>
 *   <li>{@code ==} and {@code !=} compare a variable with a quoted string ({@code '...'} or
 *       {@code "..."}), another variable, or {@code null}. A string may also stand on the left.</li>
 *   <li>An undefined variable differs from an empty one: {@code $UNDEFINED == null} is true,
 *       {@code $EMPTY == null} is false, {@code $EMPTY == ""} is true.</li>
 *   <li>A value alone is true when it is defined and not empty ({@code $VARIABLE}).</li>
 *   <li>{@code =~} and {@code !~} search for a {@code /pattern/flags} literal (RE2, see
 *       {@link RegexLiteral}) in the left value; a variable or string on the right holding such a
 *       literal is used as a regular expression; any other string on the right makes {@code =~}
 *       test whether the left value is a substring of it, as the docs' troubleshooting section
 *       describes. Variables inside a pattern are not resolved.</li>
 *   <li>{@code &&} binds tighter than {@code ||}; parentheses group. There is no {@code !}.</li>
 * </ul>
 *
 * <p>Each operand of {@code &&} and {@code ||} counts as true or false by the rule for a value
 * alone. (GitLab.com evaluates {@code $EMPTY && $OTHER} with Ruby truthiness and then runs the job,
 * which its issue 321371 calls a bug; Gantry follows the documented meaning.)
 *
 * <p>Parse once with {@link #parse}, keep the result (it is immutable and safe to share), and
 * evaluate it as often as needed. Nothing here throws on any input.
 */
public final class VariableExpression {

    /**
     * The outcome of {@link #parse}: exactly one of the two is non-null.
     *
     * @param expression the parsed expression
     * @param error      why the text is not a valid expression
     */
    public record Parsed(VariableExpression expression, ExpressionError error) {
        public boolean ok() {
            return expression != null;
        }
    }

    private final String source;
    private final Node root;
    private final Set<String> variableNames;

    private VariableExpression(String source, Node root, Set<String> variableNames) {
        this.source = source;
        this.root = root;
        this.variableNames = variableNames;
    }

    /** Parses {@code text}; a syntax error comes back as a value with its offset, never thrown. */
    public static Parsed parse(String text) {
        String source = text == null ? "" : text;
        try {
            Set<String> names = new LinkedHashSet<>();
            Node root = Parser.parse(Lexer.tokens(source), names);
            return new Parsed(new VariableExpression(source, root, Collections.unmodifiableSet(names)), null);
        } catch (SyntaxError e) {
            return new Parsed(null, e.toError());
        }
    }

    /**
     * Whether the expression holds for {@code variables}. Pass variables whose references are
     * already expanded ({@link VariableExpander#resolveAll} with {@link ExpansionPlace#GITLAB}), as
     * GitLab evaluates rules against expanded values; values are used as they are here.
     */
    public boolean evaluate(Variables variables) {
        return root.test(variables);
    }

    /** The names of the variables the expression reads, for checks such as "job-only variable used in rules". */
    public Set<String> variableNames() {
        return variableNames;
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}

package dev.gantry.expr.gitlab;

import dev.gantry.expr.gitlab.Token.Kind;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the tokens of a CI/CD variable expression. {@code &&} binds tighter than
 * {@code ||} (Ruby precedence, "Join variable expressions together", docs.gitlab.com); both group to
 * the left; parentheses group first. Grammar:
 *
 * <pre>
 * or         = and { "||" and }
 * and        = term { "&amp;&amp;" term }
 * term       = "(" or ")" | comparison
 * comparison = value [ ( "==" | "!=" | "=~" | "!~" ) value ]
 * value      = $NAME | 'string' | "string" | /regex/flags | null
 * </pre>
 *
 * A comparison's sides are single values: comparisons do not chain and have no parentheses inside.
 */
final class Parser {

    /** Deep enough for any real rule; keeps a hostile input from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private final Set<String> variableNames;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens, Set<String> variableNames) {
        this.tokens = tokens;
        this.variableNames = variableNames;
    }

    /** The expression's tree; adds every variable it reads to {@code variableNames}. */
    static Node parse(List<Token> tokens, Set<String> variableNames) throws SyntaxError {
        Parser parser = new Parser(tokens, variableNames);
        if (parser.peek().kind() == Kind.END) {
            throw new SyntaxError("the expression is empty", 0);
        }
        Node node = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new SyntaxError("unexpected " + rest.describe() + "; join conditions with && or ||", rest.offset());
        }
        return node;
    }

    private Node or() throws SyntaxError {
        Node left = and();
        while (peek().kind() == Kind.OR) {
            pos++;
            left = new Node.Or(left, and());
        }
        return left;
    }

    private Node and() throws SyntaxError {
        Node left = term();
        while (peek().kind() == Kind.AND) {
            pos++;
            left = new Node.And(left, term());
        }
        return left;
    }

    private Node term() throws SyntaxError {
        Token t = peek();
        if (t.kind() != Kind.LEFT) {
            return comparison();
        }
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError("parentheses are nested too deeply", t.offset());
        }
        pos++;
        Node inner = or();
        Token close = peek();
        if (close.kind() != Kind.RIGHT) {
            throw new SyntaxError("expected ')' to close the '(' at character " + (t.offset() + 1)
                    + ", found " + close.describe(), close.offset());
        }
        pos++;
        depth--;
        return inner;
    }

    private Node comparison() throws SyntaxError {
        Node.Operand left = value();
        Token op = peek();
        if (!op.isComparison()) {
            return new Node.Present(left);
        }
        pos++;
        Node.Operand right = value();
        Token after = peek();
        if (after.isComparison()) {
            throw new SyntaxError("comparisons cannot be chained; join them with && or ||", after.offset());
        }
        return new Node.Comparison(left, op.kind(), right);
    }

    private Node.Operand value() throws SyntaxError {
        Token t = peek();
        if (!t.isValue()) {
            throw new SyntaxError("expected a value ($NAME, a quoted string, /regex/ or null), found "
                    + t.describe(), t.offset());
        }
        pos++;
        return switch (t.kind()) {
            case VARIABLE -> {
                variableNames.add(t.text());
                yield new Node.VariableRef(t.text());
            }
            case STRING -> new Node.Literal(t.text());
            case PATTERN -> new Node.Literal(t.regex());
            default -> new Node.Literal(null);
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }
}

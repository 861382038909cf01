package dev.gantry.expr.github;

import dev.gantry.expr.github.Lexer.Kind;
import dev.gantry.expr.github.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser from tokens to a {@link Node} tree. Precedence, lowest first, as in the
 * runner: {@code ||}, {@code &&}, {@code == !=}, {@code < <= > >=}, {@code !}, then {@code . [ ]} and
 * calls; all binary operators associate to the left. Limits are the runner's: 21,000 characters and
 * a tree 50 levels deep (chains of {@code &&} or {@code ||} count as one level).
 *
 * <p>Errors travel as a private unchecked {@link Failure} inside this package only; {@link #parse}
 * turns it into a {@link Result}.
 */
final class Parser {

    static final int MAX_LENGTH = 21_000;
    static final int MAX_DEPTH = 50;
    /** Bound on parentheses and other nesting, so that hostile input cannot exhaust the stack. */
    private static final int MAX_NESTING = 256;

    /** A parse or evaluation error on its way to the public API; carries no stack trace. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ExpressionError error;

        Failure(ExpressionError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private final String text;
    private final Lexer lexer;
    private Token cur;
    private Token ahead;
    private int nesting;

    private Parser(String text) {
        this.text = text;
        this.lexer = new Lexer(text);
    }

    /** The tree for {@code text}, or the first error with its offset. Never throws. */
    static Result<Node> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Result.error(new ExpressionError(
                    "the expression is longer than " + MAX_LENGTH + " characters", 0, text.length()));
        }
        try {
            Parser p = new Parser(text);
            p.advance();
            if (p.cur.kind() == Kind.EOF) {
                return Result.error(new ExpressionError("expected an expression", 0, text.length()));
            }
            Node root = p.or();
            if (p.cur.kind() != Kind.EOF) {
                throw p.unexpected(p.cur);
            }
            if (depth(root) > MAX_DEPTH) {
                throw p.tooDeep();
            }
            return Result.ok(root);
        } catch (Failure f) {
            return Result.error(f.error);
        }
    }

    private void advance() {
        if (ahead != null) {
            cur = ahead;
            ahead = null;
        } else {
            cur = lexer.next();
        }
    }

    private Token peek() {
        if (ahead == null) {
            ahead = lexer.next();
        }
        return ahead;
    }

    private Node or() {
        Node first = and();
        if (cur.kind() != Kind.OR) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        addFlattened(operands, first, true);
        while (cur.kind() == Kind.OR) {
            advance();
            addFlattened(operands, and(), true);
        }
        return new Node.Or(operands, first.start(), operands.getLast().end());
    }

    private Node and() {
        Node first = equality();
        if (cur.kind() != Kind.AND) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        addFlattened(operands, first, false);
        while (cur.kind() == Kind.AND) {
            advance();
            addFlattened(operands, equality(), false);
        }
        return new Node.And(operands, first.start(), operands.getLast().end());
    }

    /** Nested chains of the same operator become one node, as the runner builds them (it matters for the depth limit). */
    private static void addFlattened(List<Node> operands, Node operand, boolean or) {
        if (or && operand instanceof Node.Or nested) {
            operands.addAll(nested.operands());
        } else if (!or && operand instanceof Node.And nested) {
            operands.addAll(nested.operands());
        } else {
            operands.add(operand);
        }
    }

    private Node equality() {
        Node left = comparison();
        int links = 0;
        while (cur.kind() == Kind.EQ || cur.kind() == Kind.NE) {
            chain(++links);
            Node.Operator op = cur.kind() == Kind.EQ ? Node.Operator.EQ : Node.Operator.NE;
            advance();
            Node right = comparison();
            left = new Node.Comparison(op, left, right, left.start(), right.end());
        }
        return left;
    }

    private Node comparison() {
        Node left = unary();
        int links = 0;
        while (true) {
            Node.Operator op = switch (cur.kind()) {
                case LT -> Node.Operator.LT;
                case LE -> Node.Operator.LE;
                case GT -> Node.Operator.GT;
                case GE -> Node.Operator.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            chain(++links);
            advance();
            Node right = unary();
            left = new Node.Comparison(op, left, right, left.start(), right.end());
        }
    }

    private Node unary() {
        if (cur.kind() != Kind.NOT) {
            return postfix();
        }
        int start = cur.start();
        advance();
        enter();
        Node operand = unary();
        nesting--;
        return new Node.Not(operand, start, operand.end());
    }

    private Node postfix() {
        // The runner allows . and [ ] after names, calls, groups and other accessors, never after a literal.
        boolean literal = cur.kind() == Kind.STRING || cur.kind() == Kind.NUMBER
                || (cur.kind() == Kind.WORD && literalWord((String) cur.value()) != NOT_LITERAL);
        Node node = primary();
        if (literal) {
            return node;
        }
        int links = 0;
        while (true) {
            if (cur.kind() == Kind.DOT || cur.kind() == Kind.LBRACKET) {
                chain(++links);
            }
            if (cur.kind() == Kind.DOT) {
                advance();
                if (cur.kind() == Kind.STAR) {
                    node = new Node.Filter(node, node.start(), cur.end());
                } else if (cur.kind() == Kind.WORD) {
                    node = new Node.Member(node, (String) cur.value(), cur.start(), node.start(), cur.end());
                } else {
                    throw unexpected(cur);
                }
                advance();
            } else if (cur.kind() == Kind.LBRACKET) {
                advance();
                if (cur.kind() == Kind.STAR && peek().kind() == Kind.RBRACKET) {
                    advance();
                    node = new Node.Filter(node, node.start(), cur.end());
                } else {
                    enter();
                    Node key = or();
                    nesting--;
                    expect(Kind.RBRACKET);
                    node = new Node.Index(node, key, node.start(), cur.end());
                }
                advance();
            } else {
                return node;
            }
        }
    }

    private static final Object NOT_LITERAL = new Object();

    /** The value of the literal keywords, which are case-sensitive; {@link #NOT_LITERAL} for other words. */
    private static Object literalWord(String word) {
        return switch (word) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            default -> NOT_LITERAL;
        };
    }

    private Node primary() {
        Token t = cur;
        switch (t.kind()) {
            case STRING, NUMBER -> {
                advance();
                return new Node.Literal(t.value(), t.start(), t.end());
            }
            case LPAREN -> {
                advance();
                enter();
                Node inner = or();
                nesting--;
                expect(Kind.RPAREN);
                advance();
                return inner;
            }
            case WORD -> {
                String word = (String) t.value();
                Object literal = literalWord(word);
                if (literal != NOT_LITERAL) {
                    advance();
                    return new Node.Literal(literal, t.start(), t.end());
                }
                if (peek().kind() == Kind.LPAREN) {
                    return call(t, word);
                }
                ContextName context = ContextName.find(word);
                if (context == null) {
                    throw new Failure(new ExpressionError("unrecognized named-value '" + word
                            + "': expected a context (github, env, vars, job, jobs, steps, runner, secrets,"
                            + " strategy, matrix, needs, inputs) or a literal", t.start(), t.end() - t.start()));
                }
                advance();
                return new Node.NamedContext(context, word, t.start(), t.end());
            }
            default -> throw unexpected(t);
        }
    }

    private Node call(Token name, String word) {
        Builtin function = Builtin.find(word);
        if (function == null) {
            throw new Failure(new ExpressionError("unrecognized function '" + word + "'",
                    name.start(), name.end() - name.start()));
        }
        advance(); // the name
        advance(); // (
        enter();
        List<Node> args = new ArrayList<>();
        if (cur.kind() != Kind.RPAREN) {
            args.add(or());
            while (cur.kind() == Kind.COMMA) {
                advance();
                args.add(or());
            }
        }
        expect(Kind.RPAREN);
        nesting--;
        int end = cur.end();
        checkArity(function, word, args.size(), name.start(), end);
        advance();
        return new Node.Call(function, word, args, name.start(), end);
    }

    private static void checkArity(Builtin f, String word, int count, int start, int end) {
        String problem = null;
        if (count < f.minArgs()) {
            problem = "too few arguments for '" + word + "': it takes "
                    + (f.minArgs() == f.maxArgs() ? "" : "at least ") + f.minArgs();
        } else if (count > f.maxArgs()) {
            problem = "too many arguments for '" + word + "': it takes "
                    + (f.minArgs() == f.maxArgs() ? "" : "at most ") + f.maxArgs();
        } else if (f == Builtin.CASE && count % 2 == 0) {
            problem = "'" + word + "' takes pairs of predicate and value followed by a default,"
                    + " so an odd number of arguments; got " + count;
        }
        if (problem != null) {
            throw new Failure(new ExpressionError(problem, start, end - start));
        }
    }

    private void expect(Kind kind) {
        if (cur.kind() != kind) {
            throw unexpected(cur);
        }
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw new Failure(new ExpressionError(
                    "the expression is nested too deeply", cur.start(), 0));
        }
    }

    /** Each link of a left-leaning chain adds a level, so a long chain fails before it can strain the stack. */
    private void chain(int links) {
        if (links > MAX_DEPTH) {
            throw tooDeep();
        }
    }

    private Failure tooDeep() {
        return new Failure(new ExpressionError(
                "the expression is nested more than " + MAX_DEPTH + " levels deep", 0, text.length()));
    }

    private Failure unexpected(Token t) {
        if (t.kind() == Kind.EOF) {
            return new Failure(new ExpressionError("unexpected end of expression", text.length(), 0));
        }
        return new Failure(new ExpressionError("unexpected symbol '" + text.substring(t.start(), t.end()) + "'",
                t.start(), t.end() - t.start()));
    }

    /** Tree depth as the runner counts it: a leaf is one level, and a property name is a leaf below its dereference. */
    static int depth(Node node) {
        return switch (node) {
            case Node.Member m -> 1 + Math.max(depth(m.target()), 1);
            case Node.Filter f -> 1 + Math.max(depth(f.target()), 1);
            default -> {
                int max = 0;
                for (Node child : node.children()) {
                    max = Math.max(max, depth(child));
                }
                yield 1 + max;
            }
        };
    }
}

package dev.gantry.expr.github;

import java.util.List;
import java.util.function.Consumer;

/**
 * One node of a parsed expression: an immutable tree built by {@link Expression#parse}. Offsets are
 * 0-based character indexes into the expression text, {@code start} inclusive and {@code end}
 * exclusive, so that lint can point at the part of the text a node came from.
 *
 * <p>The shapes follow "Evaluate expressions in workflows and actions#literals", "#operators",
 * "#functions" and "#object-filters".
 */
public sealed interface Node {

    /** Index of the node's first character. */
    int start();

    /** Index just after the node's last character. */
    int end();

    /** The direct sub-expressions, left to right. */
    default List<Node> children() {
        return switch (this) {
            case Literal l -> List.of();
            case NamedContext c -> List.of();
            case Member m -> List.of(m.target());
            case Index i -> List.of(i.target(), i.key());
            case Filter f -> List.of(f.target());
            case Not n -> List.of(n.operand());
            case Comparison c -> List.of(c.left(), c.right());
            case And a -> a.operands();
            case Or o -> o.operands();
            case Call c -> c.args();
        };
    }

    /** Visits this node and every node below it, parents before children, left to right. */
    default void walk(Consumer<? super Node> visitor) {
        visitor.accept(this);
        for (Node child : children()) {
            child.walk(visitor);
        }
    }

    /**
     * {@code null}, {@code true}, {@code false}, a number or a single-quoted string.
     *
     * @param value null, a {@link Boolean}, a {@link Double} or a {@link String}
     */
    record Literal(Object value, int start, int end) implements Node {
    }

    /**
     * A context named at the top level, such as {@code github} or {@code MATRIX}.
     *
     * @param context the context
     * @param written the name as written (letter case kept for messages)
     */
    record NamedContext(ContextName context, String written, int start, int end) implements Node {
    }

    /**
     * Property dereference {@code target.name}; looked up case-insensitively, null when missing.
     *
     * @param nameStart index of the property name's first character
     */
    record Member(Node target, String name, int nameStart, int start, int end) implements Node {
    }

    /** Index {@code target[key]}: a property name for objects, a position for arrays. */
    record Index(Node target, Node key, int start, int end) implements Node {
    }

    /** Object filter {@code target.*} or {@code target[*]}: every element or property value, as an array. */
    record Filter(Node target, int start, int end) implements Node {
    }

    /** Logical not {@code !operand}: true when the operand is falsy. */
    record Not(Node operand, int start, int end) implements Node {
    }

    /** One of {@code == != < <= > >=} with the documented loose coercions. */
    record Comparison(Operator operator, Node left, Node right, int start, int end) implements Node {
    }

    /** {@code a && b && ...}: the first falsy operand, else the last one. At least two operands. */
    record And(List<Node> operands, int start, int end) implements Node {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** {@code a || b || ...}: the first truthy operand, else the last one. At least two operands. */
    record Or(List<Node> operands, int start, int end) implements Node {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /**
     * A function call; the argument count is already checked against {@link Builtin}.
     *
     * @param written the name as written (letter case kept for messages)
     */
    record Call(Builtin function, String written, List<Node> args, int start, int end) implements Node {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** The comparison operators, each with its text. */
    enum Operator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}

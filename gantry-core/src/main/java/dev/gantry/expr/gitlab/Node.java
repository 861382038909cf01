package dev.gantry.expr.gitlab;

import java.util.Objects;

/**
 * A parsed CI/CD variable expression, evaluated against variables. Semantics follow "Specify when
 * jobs run with rules#CI/CD variable expressions" and its "Troubleshooting" section
 * (docs.gitlab.com); see {@link VariableExpression} for the rules.
 */
sealed interface Node {

    boolean test(Variables variables);

    /** {@code left || right}. */
    record Or(Node left, Node right) implements Node {
        @Override
        public boolean test(Variables variables) {
            return left.test(variables) || right.test(variables);
        }
    }

    /** {@code left && right}. */
    record And(Node left, Node right) implements Node {
        @Override
        public boolean test(Variables variables) {
            return left.test(variables) && right.test(variables);
        }
    }

    /** A value alone: true when it is defined and not empty. */
    record Present(Operand operand) implements Node {
        @Override
        public boolean test(Variables variables) {
            Object value = operand.value(variables);
            return value instanceof RegexLiteral || (value instanceof String s && !s.isEmpty());
        }
    }

    /** {@code left OP right} for {@code == != =~ !~}. */
    record Comparison(Operand left, Token.Kind operator, Operand right) implements Node {
        @Override
        public boolean test(Variables variables) {
            Object l = left.value(variables);
            Object r = right.value(variables);
            return switch (operator) {
                case EQUALS -> Objects.equals(l, r);
                case NOT_EQUALS -> !Objects.equals(l, r);
                case MATCHES -> matches(l, r);
                default -> !matches(l, r);
            };
        }

        /**
         * {@code =~}: a regular expression on the right is searched for in the left value (an
         * undefined left value counts as ''). A string on the right that is itself a literal like
         * {@code /^ab.*$/} is used as one ("Store a regular expression in a variable"); any other
         * string makes the comparison check whether the left value is a substring of the right one
         * ("Unexpected behavior from regular expression matching with =~"). An undefined right
         * value never matches.
         */
        private static boolean matches(Object left, Object right) {
            String text = left instanceof String s ? s : left instanceof RegexLiteral r ? r.source() : "";
            if (right instanceof RegexLiteral regex) {
                return regex.find(text);
            }
            if (right instanceof String s) {
                RegexLiteral.Parsed held = s.startsWith("/") ? RegexLiteral.parse(s) : null;
                return held != null && held.ok() ? held.regex().find(text) : s.contains(text);
            }
            return false;
        }
    }

    /** Something that has a value: a variable, a string, a regular expression or {@code null}. */
    sealed interface Operand {

        /** A String, a {@link RegexLiteral}, or null for {@code null} and undefined variables. */
        Object value(Variables variables);
    }

    /** {@code $NAME}. */
    record VariableRef(String name) implements Operand {
        @Override
        public Object value(Variables variables) {
            return variables.value(name);
        }
    }

    /** A quoted string, a regular expression literal or {@code null}. */
    record Literal(Object constant) implements Operand {
        @Override
        public Object value(Variables variables) {
            return constant;
        }
    }
}

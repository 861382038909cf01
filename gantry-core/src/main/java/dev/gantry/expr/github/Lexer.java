package dev.gantry.expr.github;

/**
 * Splits expression text into tokens, one at a time, for {@link Parser}. Follows the runner's lexical
 * rules where the documentation is silent: words run to the next delimiter and must look like
 * {@code [A-Za-z_][A-Za-z0-9_-]*}; a number runs to the next delimiter other than {@code .}; a
 * {@code .} starts a number only where an operand is expected (so {@code .5} is a number but
 * {@code a.b} is a dereference); whitespace is skipped.
 */
final class Lexer {

    enum Kind {
        STRING, NUMBER, WORD, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, STAR,
        NOT, EQ, NE, LT, LE, GT, GE, AND, OR, EOF
    }

    /**
     * One token.
     *
     * @param value the string's unescaped text, the number as a {@link Double}, or the word; else null
     */
    record Token(Kind kind, Object value, int start, int end) {
    }

    private final String text;
    private int pos;
    private Kind last;

    Lexer(String text) {
        this.text = text;
    }

    Token next() {
        while (pos < text.length() && Numbers.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        Token t = pos >= text.length() ? new Token(Kind.EOF, null, pos, pos) : read(text.charAt(pos));
        last = t.kind();
        return t;
    }

    private Token read(char c) {
        int start = pos;
        return switch (c) {
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case '[' -> single(Kind.LBRACKET);
            case ']' -> single(Kind.RBRACKET);
            case ',' -> single(Kind.COMMA);
            case '*' -> single(Kind.STAR);
            case '\'' -> string();
            case '"' -> throw doubleQuoted();
            case '!' -> pair('=', Kind.NE, Kind.NOT);
            case '<' -> pair('=', Kind.LE, Kind.LT);
            case '>' -> pair('=', Kind.GE, Kind.GT);
            case '=' -> pair('=', Kind.EQ, null);
            case '&' -> pair('&', Kind.AND, null);
            case '|' -> pair('|', Kind.OR, null);
            case '.' -> operandExpected() ? number(start) : single(Kind.DOT);
            default -> (c >= '0' && c <= '9') || c == '-' || c == '+' ? number(start) : word(start);
        };
    }

    private Token single(Kind kind) {
        pos++;
        return new Token(kind, null, pos - 1, pos);
    }

    /** {@code c} followed by {@code second} is {@code two}; {@code c} alone is {@code one}, or an error when null. */
    private Token pair(char second, Kind two, Kind one) {
        int start = pos;
        if (pos + 1 < text.length() && text.charAt(pos + 1) == second) {
            pos += 2;
            return new Token(two, null, start, pos);
        }
        if (one == null) {
            throw unexpected(start, start + 1);
        }
        pos++;
        return new Token(one, null, start, pos);
    }

    /** Where the previous token leaves room for an operand, a {@code .} begins a number such as {@code .5}. */
    private boolean operandExpected() {
        return last == null || switch (last) {
            case COMMA, LPAREN, LBRACKET, NOT, EQ, NE, LT, LE, GT, GE, AND, OR -> true;
            default -> false;
        };
    }

    private Token string() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    pos++;
                } else {
                    return new Token(Kind.STRING, sb.toString(), start, pos);
                }
            }
            sb.append(ch);
        }
        throw new Parser.Failure(new ExpressionError(
                "unclosed string: a string that starts with ' must end with '", start, text.length() - start));
    }

    private Token number(int start) {
        pos++;
        while (pos < text.length() && (!isDelimiter(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String raw = text.substring(start, pos);
        double d = Numbers.parse(raw);
        if (Double.isNaN(d)) {
            throw unexpected(start, pos);
        }
        return new Token(Kind.NUMBER, d, start, pos);
    }

    private Token word(int start) {
        pos++;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        String raw = text.substring(start, pos);
        if (!isWord(raw)) {
            throw unexpected(start, pos);
        }
        return new Token(Kind.WORD, raw, start, pos);
    }

    private Parser.Failure doubleQuoted() {
        int start = pos;
        int close = text.indexOf('"', start + 1);
        int end = close < 0 ? text.length() : close + 1;
        return new Parser.Failure(new ExpressionError(
                "strings must be in single quotes; double quotes are not allowed in expressions", start, end - start));
    }

    private Parser.Failure unexpected(int start, int end) {
        return new Parser.Failure(new ExpressionError(
                "unexpected symbol '" + text.substring(start, end) + "'", start, end - start));
    }

    /** The characters that end a word or a number (a number continues over {@code .}). */
    static boolean isDelimiter(char c) {
        return switch (c) {
            case '(', '[', ')', ']', ',', '.', '!', '>', '<', '=', '&', '|' -> true;
            default -> Numbers.isWhitespace(c);
        };
    }

    /** A legal keyword, context or property name: a letter or {@code _}, then letters, digits, {@code _} or {@code -}. */
    static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (!(isAsciiLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

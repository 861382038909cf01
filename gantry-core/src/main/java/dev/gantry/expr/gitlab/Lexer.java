package dev.gantry.expr.gitlab;

import dev.gantry.expr.gitlab.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CI/CD variable expression into tokens ("Specify when jobs run with rules#CI/CD variable
 * expressions", docs.gitlab.com): {@code $NAME} with NAME of letters, digits and {@code _} (not
 * {@code ${NAME}}: "Where variables can be used" wants rules:if variables "in the form of
 * $variable"), strings in single or double quotes (no escapes: a string ends at the next quote of
 * its kind), regular expression literals, {@code null}, and {@code == != =~ !~ && || ( )}.
 * Whitespace separates tokens.
 */
final class Lexer {

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) throws SyntaxError {
        Lexer lexer = new Lexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() throws SyntaxError {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Kind.END, "", null, start);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '$' -> variable(start);
            case '"', '\'' -> string(start, c);
            case '/' -> pattern(start);
            case '(' -> symbol(Kind.LEFT, "(", start);
            case ')' -> symbol(Kind.RIGHT, ")", start);
            default -> operatorOrKeyword(start);
        };
    }

    private Token variable(int start) throws SyntaxError {
        int end = start + 1;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        if (end == start + 1) {
            String hint = end < text.length() && text.charAt(end) == '{'
                    ? "; write $NAME, expressions do not take ${NAME}" : "";
            throw new SyntaxError("expected a variable name after '$'" + hint, start);
        }
        pos = end;
        return new Token(Kind.VARIABLE, text.substring(start + 1, end), null, start);
    }

    private Token string(int start, char quote) throws SyntaxError {
        int close = text.indexOf(quote, start + 1);
        if (close < 0) {
            throw new SyntaxError("string has no closing " + quote, start);
        }
        pos = close + 1;
        return new Token(Kind.STRING, text.substring(start + 1, close), null, start);
    }

    private Token pattern(int start) throws SyntaxError {
        int end = RegexLiteral.literalEnd(text, start);
        if (end < 0) {
            throw new SyntaxError(RegexLiteral.literalError(text, start), start);
        }
        RegexLiteral.Parsed parsed = RegexLiteral.parse(text.substring(start, end));
        if (!parsed.ok()) {
            throw new SyntaxError(parsed.error(), start);
        }
        pos = end;
        return new Token(Kind.PATTERN, parsed.regex().source(), parsed.regex(), start);
    }

    private Token symbol(Kind kind, String symbol, int start) {
        pos = start + symbol.length();
        return new Token(kind, symbol, null, start);
    }

    private Token operatorOrKeyword(int start) throws SyntaxError {
        String two = text.substring(start, Math.min(start + 2, text.length()));
        Kind kind = switch (two) {
            case "==" -> Kind.EQUALS;
            case "!=" -> Kind.NOT_EQUALS;
            case "=~" -> Kind.MATCHES;
            case "!~" -> Kind.NOT_MATCHES;
            case "&&" -> Kind.AND;
            case "||" -> Kind.OR;
            default -> null;
        };
        if (kind != null) {
            return symbol(kind, two, start);
        }
        int end = start;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        String word = text.substring(start, end);
        if (word.equals("null")) {
            return symbol(Kind.NULL, word, start);
        }
        if (!word.isEmpty()) {
            throw new SyntaxError("unexpected '" + word + "'; quote strings and write variables as $NAME", start);
        }
        if (c(start) == '!') {
            throw new SyntaxError("unexpected '!'; there is no negation, compare with != or use !~", start);
        }
        throw new SyntaxError("unexpected '" + c(start) + "'", start);
    }

    private char c(int at) {
        return text.charAt(at);
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

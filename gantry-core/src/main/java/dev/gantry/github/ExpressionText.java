package dev.gantry.github;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code ${{ ... }}} expressions in a string ("Evaluate expressions in workflows and
 * actions", docs.github.com: "an expression ... uses the syntax {@code ${{ <expression> }}}").
 *
 * <p>This is a balance scan only, not a parser: it looks for the <code>}}</code> that closes each
 * <code>${{</code>, skipping single-quoted string literals (in which {@code ''} is an escaped quote), so
 * that <code>${{ format('}}') }}</code> is one expression. The full syntax check belongs to the
 * expression parser.
 */
final class ExpressionText {

    private static final String OPEN = "${{";
    private static final String CLOSE = "}}";

    /**
     * One expression in a text.
     *
     * @param start index of {@code $} in the text
     * @param end   index just after the closing <code>}}</code>
     * @param body  the text between the braces, untrimmed
     */
    record Segment(int start, int end, String body) {
    }

    /**
     * The scan of one text.
     *
     * @param segments      the closed expressions in order
     * @param unclosedStart index of a <code>${{</code> that no <code>}}</code> closes, or -1
     */
    record Scan(List<Segment> segments, int unclosedStart) {

        boolean unclosed() {
            return unclosedStart >= 0;
        }
    }

    private ExpressionText() {
    }

    /** True when the text holds an expression (closed or not). */
    static boolean contains(String text) {
        return text.contains(OPEN);
    }

    static Scan scan(String text) {
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf(OPEN, from);
            if (start < 0) {
                return new Scan(segments, -1);
            }
            int close = closing(text, start + OPEN.length());
            if (close < 0) {
                return new Scan(segments, start);
            }
            segments.add(new Segment(start, close + CLOSE.length(), text.substring(start + OPEN.length(), close)));
            from = close + CLOSE.length();
        }
    }

    /** The index of the <code>}}</code> closing an expression whose body starts at {@code i}, or -1. */
    private static int closing(String text, int i) {
        boolean inString = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++; // '' is a quote inside the literal
                    } else {
                        inString = false;
                    }
                }
            } else if (c == '\'') {
                inString = true;
            } else if (text.startsWith(CLOSE, i)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /**
     * True when the text, ignoring surrounding blanks, is exactly one expression: the form an
     * {@code if:} must have when it uses {@code ${{ }}} at all.
     */
    static boolean isWhole(String text) {
        String t = text.strip();
        Scan scan = scan(t);
        return !scan.unclosed() && scan.segments().size() == 1
                && scan.segments().get(0).start() == 0 && scan.segments().get(0).end() == t.length();
    }

    /** The body with every single-quoted literal blanked out, so that names inside strings are not seen. */
    static String withoutStrings(String body) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                inString = !inString; // '' toggles twice: still inside the literal
                out.append(c);
            } else {
                out.append(inString ? ' ' : c);
            }
        }
        return out.toString();
    }
}

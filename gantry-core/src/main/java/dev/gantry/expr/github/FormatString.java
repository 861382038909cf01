package dev.gantry.expr.github;

import java.util.ArrayList;
import java.util.List;

/**
 * The format string of {@code format} ("Evaluate expressions in workflows and actions#format"):
 * {@code {N}} stands for argument N, {@code {{} and {@code }}} for literal braces. Any other brace
 * is an error, as is an index without an argument and a format specifier such as {@code {0:x}}
 * (the runner accepts the syntax but supports no specifier).
 */
final class FormatString {

    /** Why a format string is invalid. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private FormatString() {
    }

    /**
     * The format string as literal {@link String} pieces and {@link Integer} argument indexes.
     *
     * @param arguments how many replacement values the call has
     */
    static List<Object> parse(String format, int arguments) throws Problem {
        List<Object> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        // The runner reports an unsupported specifier only once the whole string is known to be valid.
        String specifier = null;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '{') {
                if (i + 1 < n && format.charAt(i + 1) == '{') {
                    text.append('{');
                    i += 2;
                    continue;
                }
                int j = i + 1;
                int index = 0;
                while (j < n && format.charAt(j) >= '0' && format.charAt(j) <= '9') {
                    index = Math.min(index * 10 + (format.charAt(j) - '0'), 1000);
                    j++;
                }
                if (j == i + 1 || j >= n || index > 255) {
                    throw invalid(format);
                }
                int close = j;
                if (format.charAt(j) == ':') {
                    close = specifierEnd(format, j + 1);
                    if (close < 0) {
                        throw invalid(format);
                    }
                    if (specifier == null) {
                        specifier = format.substring(j + 1, close);
                    }
                } else if (format.charAt(j) != '}') {
                    throw invalid(format);
                }
                if (index >= arguments) {
                    throw new Problem("the format string '" + format + "' refers to argument {" + index
                            + "} but only " + arguments + " replacement value" + (arguments == 1 ? " was" : "s were")
                            + " given");
                }
                if (!text.isEmpty()) {
                    out.add(text.toString());
                    text.setLength(0);
                }
                out.add(index);
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && format.charAt(i + 1) == '}') {
                    text.append('}');
                    i += 2;
                } else {
                    throw invalid(format);
                }
            } else {
                text.append(c);
                i++;
            }
        }
        if (specifier != null) {
            throw new Problem("the format specifier '" + specifier + "' in '" + format + "' is not supported");
        }
        if (!text.isEmpty()) {
            out.add(text.toString());
        }
        return out;
    }

    /** The '}' that ends a specifier starting at {@code from} ("}}" inside it is an escaped brace), or -1. */
    private static int specifierEnd(String format, int from) {
        for (int k = from; k < format.length(); k++) {
            if (format.charAt(k) == '}') {
                if (k + 1 < format.length() && format.charAt(k + 1) == '}') {
                    k++;
                } else {
                    return k;
                }
            }
        }
        return -1;
    }

    private static Problem invalid(String format) {
        return new Problem("the format string '" + format + "' is invalid: use {N} for argument N, {{ and }} for braces");
    }
}

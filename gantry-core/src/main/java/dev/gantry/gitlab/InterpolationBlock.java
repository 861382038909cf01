package dev.gantry.gitlab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inside of one {@code $[[ ... ]]} block: {@code CONTEXT.NAME | function | ...} ("CI/CD
 * inputs#Specify functions to manipulate input values"). The access names one value of a context
 * ({@code inputs.stage}); up to {@value #MAX_FUNCTIONS} functions follow, each after a {@code |},
 * applied from left to right. Spaces around the parts do not matter.
 *
 * @param context the context before the dot, {@code inputs} for inputs
 * @param name    the name after the dot
 * @param calls   the functions in order
 */
record InterpolationBlock(String context, String name, List<Call> calls) {

    /** "A maximum of 3 functions may be specified in a single interpolation block." */
    static final int MAX_FUNCTIONS = 3;
    static final List<String> FUNCTIONS = List.of("expand_vars", "truncate", "posix_escape");

    private static final Pattern ACCESS = Pattern.compile("([A-Za-z0-9_-]+)\\.([^.\\s]+)");
    private static final Pattern TRUNCATE = Pattern.compile("truncate\\(\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*\\)");

    InterpolationBlock {
        calls = List.copyOf(calls);
    }

    /**
     * One function call; {@code offset} and {@code length} are {@code truncate}'s arguments and 0 for
     * the functions without arguments.
     */
    record Call(String function, int offset, int length) {
    }

    /** A parsed block, or why it could not be parsed (then {@code block} is null). */
    record Parse(InterpolationBlock block, String error) {
    }

    static Parse parse(String content) {
        String[] parts = content.split("\\|", -1);
        String access = parts[0].strip();
        Matcher m = ACCESS.matcher(access);
        if (!m.matches()) {
            return new Parse(null, access.isEmpty() ? "an empty interpolation block"
                    : "'" + access + "' is not a value to interpolate; write inputs.NAME");
        }
        if (parts.length - 1 > MAX_FUNCTIONS) {
            return new Parse(null, "an interpolation block takes at most " + MAX_FUNCTIONS + " functions, not "
                    + (parts.length - 1));
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String text = parts[i].strip();
            Matcher t = TRUNCATE.matcher(text);
            if (t.matches()) {
                calls.add(new Call("truncate", Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2))));
            } else if (text.equals("expand_vars") || text.equals("posix_escape")) {
                calls.add(new Call(text, 0, 0));
            } else if (text.startsWith("truncate")) {
                return new Parse(null, "'" + text + "' must be truncate(OFFSET,LENGTH) with two whole numbers");
            } else {
                String name = text.replaceFirst("\\(.*", "").strip();
                return new Parse(null, text.isEmpty() ? "a '|' without a function after it"
                        : "unknown function '" + name + "'; the functions are expand_vars, truncate and posix_escape"
                        + Closest.hint(name, FUNCTIONS));
            }
        }
        return new Parse(new InterpolationBlock(m.group(1), m.group(2), calls), null);
    }
}

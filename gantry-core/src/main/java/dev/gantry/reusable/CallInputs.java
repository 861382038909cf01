package dev.gantry.reusable;

import dev.gantry.expr.github.Values;
import dev.gantry.model.Input;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typing of reusable workflow inputs ("Workflow syntax for GitHub Actions":
 * {@code on.workflow_call.inputs.<input_id>.type} and {@code jobs.<job_id>.with}; "Reuse
 * workflows#Passing inputs and secrets to a reusable workflow": "the data type of the input value
 * must match the type specified in the called workflow (either boolean, number, or string)").
 *
 * <p>A value written in YAML reaches the model as text, so text is read by the input's type
 * ({@code true}/{@code false}, a number). A value an expression produced must already have the
 * type; a string input also takes a number or boolean, written as text. An input not given takes
 * its default, else {@code false}, {@code 0} or {@code ''} by type
 * ({@code on.workflow_call.inputs.<input_id>.default}).
 */
public final class CallInputs {

    private CallInputs() {
    }

    /**
     * A typed input value, or why the value does not fit.
     *
     * @param value   Boolean, Double or String; null when there is a problem
     * @param problem for a person, or null
     */
    public record Typed(Object value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Types one value.
     *
     * @param input   the input's definition
     * @param value   the value: text as written, or what an expression produced
     * @param written true when the value is text written in the YAML (no expression)
     */
    public static Typed typed(Input input, Object value, boolean written) {
        String type = type(input);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return problem(input, type, value);
        }
        return switch (type) {
            case "boolean" -> {
                if (value instanceof Boolean b) {
                    yield new Typed(b, null);
                }
                if (written && value instanceof String s
                        && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    yield new Typed(Boolean.parseBoolean(s.toLowerCase(Locale.ROOT)), null);
                }
                yield problem(input, type, value);
            }
            case "number" -> {
                if (value instanceof Number n) {
                    yield new Typed(n.doubleValue(), null);
                }
                if (written && value instanceof String s && !s.isBlank() && !Double.isNaN(Values.toNumber(s))) {
                    yield new Typed(Values.toNumber(s), null);
                }
                yield problem(input, type, value);
            }
            default -> new Typed(Values.toStr(value), null);
        };
    }

    /** The value of an input that was not given and has no default. */
    public static Object empty(Input input) {
        return switch (type(input)) {
            case "boolean" -> Boolean.FALSE;
            case "number" -> 0d;
            default -> "";
        };
    }

    private static String type(Input input) {
        return input.type() == null ? "string" : input.type().toLowerCase(Locale.ROOT);
    }

    private static Typed problem(Input input, String type, Object value) {
        String shown = value instanceof String s ? "'" + s + "'" : Values.kind(value).name().toLowerCase(Locale.ROOT)
                + (Values.isPrimitive(value) ? " " + Values.toStr(value) : "");
        return new Typed(null, "input '" + input.name() + "' is a " + type + ", and " + shown + " is not");
    }
}

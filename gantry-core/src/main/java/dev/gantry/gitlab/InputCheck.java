package dev.gantry.gitlab;

import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Checks one value against an input's {@code type}, {@code options} and {@code regex}, in that
 * order, as "CI/CD YAML syntax reference#spec:inputs:default", {@code #include:inputs} and "CI/CD
 * inputs#Input configuration" describe; the same checks apply to a default and to a given value.
 * A YAML null ("no value") passes every check. The regex is searched for anywhere in the value
 * (anchor it with {@code ^...$} to match the whole), before any variable would be expanded.
 */
final class InputCheck {

    private final Reader reader;

    InputCheck(Reader reader) {
        this.reader = reader;
    }

    /**
     * Reports the first way {@code value} does not suit {@code input}, at the value.
     *
     * @param what how messages name the value, for example {@code input 'stage' of ci/a.yml}
     * @return true when the value suits the input
     */
    boolean suits(InputSpec input, YamlNode value, String what) {
        if (Reader.absent(value)) {
            return true;
        }
        if (!input.type().accepts(value)) {
            reader.error(value, RuleIds.INPUT_WRONG_TYPE, what + " must be " + expected(input.type()) + ", not "
                    + PsychScalar.describe(value));
            return false;
        }
        if (!input.options().isEmpty() && input.options().stream().noneMatch(o -> same(o, value))) {
            List<String> names = input.options().stream().map(InputText::of).toList();
            String text = InputText.of(value);
            reader.error(value, RuleIds.INPUT_NOT_IN_OPTIONS, what + " must be one of " + String.join(", ", names)
                    + ", not '" + text + "'" + Closest.hint(text, names));
            return false;
        }
        if (input.regex() != null && value instanceof YamlScalar s && !input.regex().matcher(s.value()).find()) {
            reader.error(value, RuleIds.INPUT_REGEX_MISMATCH, what + " must match the regex '"
                    + input.regex().pattern() + "', and '" + s.value() + "' does not");
            return false;
        }
        return true;
    }

    static String expected(InputType type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "an array";
        };
    }

    /** Equal as values: numbers by their amount ({@code 2} and {@code 2.0} are one option), the rest as plain data. */
    private static boolean same(YamlNode a, YamlNode b) {
        Object x = a.toPlain();
        Object y = b.toPlain();
        if (x instanceof Number n && y instanceof Number m && finite(n) && finite(m)) {
            return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())) == 0;
        }
        return Objects.equals(x, y);
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double d) || Double.isFinite(d);
    }
}

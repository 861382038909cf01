package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each input of a file its value ("CI/CD inputs#Set input values", "CI/CD YAML syntax
 * reference#include:inputs"): the value that {@code include:inputs} gives, else the default. A name
 * the spec does not declare, a required input without a value, and a value of the wrong type, not
 * among the options or not matching the regex are reported. A rejected value is replaced by the
 * default, so that later checks see a sensible value instead of repeating the mistake; an input with
 * neither gets no value and its blocks stay as written. A YAML null in {@code include:inputs} counts
 * as not given, as in GitLab.
 *
 * <p>The main {@code .gitlab-ci.yml} is given no inputs: Gantry has no "run pipeline" form, so its
 * inputs take their defaults and one without a default is reported where it is declared.
 */
final class InputBinder {

    private final Reader reader;
    private final InputCheck check;

    InputBinder(Reader reader) {
        this.reader = reader;
        this.check = new InputCheck(reader);
    }

    /**
     * The values by input name.
     *
     * @param header what the file declares
     * @param file   the file's path, for messages
     * @param given  the {@code include:inputs} mapping, or null for the main file
     * @param at     the include entry that names the file (where a missing input is reported), or null
     */
    Map<String, YamlNode> bind(Header header, String file, YamlMap given, YamlNode at) {
        Map<String, YamlNode> values = new HashMap<>();
        if (given != null) {
            for (YamlMap.Entry e : given.entries()) {
                InputSpec input = header.inputs().get(e.name());
                if (input == null) {
                    if (header.open()) {
                        values.put(e.name(), e.value());
                    } else {
                        reader.error(e.key(), RuleIds.UNKNOWN_INPUT, "'" + e.name() + "' is not an input of " + file
                                + Closest.hint(e.name(), header.inputs().keySet()));
                    }
                } else if (!Reader.absent(e.value())
                        && check.suits(input, e.value(), "input '" + e.name() + "' of " + file)) {
                    values.put(e.name(), e.value());
                }
            }
        }
        for (InputSpec input : header.inputs().values()) {
            if (values.containsKey(input.name())) {
                continue;
            }
            if (input.defaultValue() != null) {
                values.put(input.name(), input.defaultValue());
            } else if (input.required() && (given == null || Reader.absent(given.get(input.name())))) {
                missing(input, file, at); // a value that was given and rejected is reported already
            }
        }
        return values;
    }

    private void missing(InputSpec input, String file, YamlNode at) {
        if (at != null) {
            reader.error(at, RuleIds.MISSING_INPUT, "include of " + file + " must give input '" + input.name()
                    + "', which has no default");
        } else {
            reader.error(input.key(), RuleIds.MISSING_INPUT, "input '" + input.name() + "' has no default, and"
                    + " Gantry starts pipelines without inputs; give it a default");
        }
    }
}

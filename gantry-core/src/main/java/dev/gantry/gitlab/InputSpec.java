package dev.gantry.gitlab;

import com.google.re2j.Pattern;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.List;

/**
 * One input that a file's {@code spec:inputs} header declares ("CI/CD YAML syntax
 * reference#spec:inputs").
 *
 * @param name         the input's name, as {@code $[[ inputs.NAME ]]} reads it
 * @param key          where the name is written, for "missing input" messages about the main file
 * @param type         the required type ({@code string} when not written)
 * @param required     true when the input has neither {@code default} nor {@code rules}: a value must be given
 * @param defaultValue the default when it is written and valid (a YAML null stands for "no value");
 *                     null when there is none or it was reported as invalid
 * @param options      the allowed values, empty when any value of the type is allowed
 * @param regex        the RE2 pattern a string value must contain a match of, or null
 * @param conditional  true when {@code spec:inputs:rules} decide the default, which Gantry does not evaluate
 */
record InputSpec(String name, YamlScalar key, InputType type, boolean required, YamlNode defaultValue,
                 List<YamlNode> options, Pattern regex, boolean conditional) {

    InputSpec {
        options = List.copyOf(options);
    }
}

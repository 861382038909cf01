package dev.gantry.gitlab;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlLoader;
import dev.gantry.yaml.YamlMap;
import java.util.Map;

/**
 * Pipeline inputs given on the command line ({@code gantry run -i NAME=VALUE}), made into the
 * {@code inputs:} entry an {@code include} would hold, so that the main file's {@code spec:inputs}
 * check and type them the same way ("CI/CD inputs", docs.gitlab.com/ci/inputs). A value that reads
 * as a number, {@code true}/{@code false} or a flow sequence {@code [a, b]} keeps that YAML type;
 * anything else is a string. Diagnostics name the file {@code (command line)}.
 */
final class CommandLineInputs {

    private CommandLineInputs() {
    }

    /** The inputs as an {@code inputs:} entry; null when they cannot be read (reported to {@code diagnostics}). */
    static YamlMap.Entry entry(Map<String, String> inputs, Diagnostics diagnostics) {
        StringBuilder yaml = new StringBuilder("inputs:\n");
        inputs.forEach((name, value) -> yaml.append("  ").append(InputText.quote(name)).append(": ")
                .append(value.matches("-?\\d+(\\.\\d+)?|true|false|\\[.*]") ? value : InputText.quote(value)).append('\n'));
        return YamlLoader.load("(command line)", yaml.toString(), diagnostics)
                .filter(YamlMap.class::isInstance).map(m -> ((YamlMap) m).entry("inputs")).orElse(null);
    }
}

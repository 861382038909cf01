package dev.gantry.gitlab;

import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.Locale;

/**
 * Whether GitLab reads a scalar as a boolean. GitLab loads {@code .gitlab-ci.yml} with Ruby's Psych,
 * a YAML 1.1 parser ("CI/CD variables": "Variables are internally parsed by the Psych YAML parser"),
 * so {@code allow_failure: yes} or {@code untracked: off} are booleans to it, while Gantry's YAML
 * layer (YAML 1.2) reads them as strings.
 *
 * <p>YAML 1.1's boolean type (yaml.org/type/bool.html) lists {@code y|Y|yes|Yes|YES|n|N|no|No|NO},
 * {@code true|True|TRUE|false|False|FALSE} and {@code on|On|ON|off|Off|OFF}. Psych's scalar scanner
 * (ruby/psych, {@code ScalarScanner#tokenize}) differs in two ways, and GitLab follows Psych: it
 * matches {@code yes}, {@code true}, {@code on} and {@code no}, {@code false}, {@code off} in any
 * case ({@code yEs} is true), and it leaves the single letters {@code y}, {@code n} as strings.
 * Only plain scalars are resolved; quoted and block scalars are strings. Never throws.
 */
final class PsychBoolean {

    private PsychBoolean() {
    }

    /** The node's boolean to GitLab, or null when it is no scalar or GitLab reads it as something else. */
    static Boolean of(YamlNode node) {
        return node instanceof YamlScalar scalar ? of(scalar) : null;
    }

    /** The scalar's boolean to GitLab, or null when GitLab reads it as something else. */
    static Boolean of(YamlScalar scalar) {
        if (!scalar.plain() && scalar.type() != YamlScalar.Type.BOOL) {
            return null;
        }
        return switch (scalar.value().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> Boolean.TRUE;
            case "no", "false", "off" -> Boolean.FALSE;
            default -> null;
        };
    }
}

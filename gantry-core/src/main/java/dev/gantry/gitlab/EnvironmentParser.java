package dev.gantry.gitlab;

import dev.gantry.model.Environment;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;

/**
 * {@code environment:} ("CI/CD YAML syntax reference#environment" with {@code name}, {@code url},
 * {@code on_stop}, {@code action}, {@code auto_stop_in}, {@code kubernetes},
 * {@code deployment_tier}): a name, or a mapping whose {@code name} is required. The action
 * defaults to {@code start}; {@code auto_stop_in} is a duration or {@code never}.
 */
final class EnvironmentParser {

    private final Reader reader;

    EnvironmentParser(Reader reader) {
        this.reader = reader;
    }

    /** The environment, or null when not written or unusable. */
    Environment environment(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar) {
            String name = reader.string(node, "environment");
            return name == null ? null : new Environment(name, null, "start", null, null, null, node.range());
        }
        if (!(node instanceof YamlMap m)) {
            reader.wrongType(node, "environment", "a string or a mapping");
            return null;
        }
        reader.checkKeys(m, Keywords.ENVIRONMENT, "environment of " + where);
        String name = reader.string(m.get("name"), "environment:name");
        String url = reader.string(m.get("url"), "environment:url");
        String action = reader.oneOf(m.get("action"), "environment:action", Keywords.ENVIRONMENT_ACTION);
        String onStop = reader.string(m.get("on_stop"), "environment:on_stop");
        String autoStopIn = reader.duration(m.get("auto_stop_in"), "environment:auto_stop_in", true);
        String tier = reader.oneOf(m.get("deployment_tier"), "environment:deployment_tier", Keywords.DEPLOYMENT_TIER);
        YamlMap kubernetes = reader.map(m.get("kubernetes"), "environment:kubernetes");
        if (kubernetes != null) {
            reader.checkKeys(kubernetes, Keywords.ENVIRONMENT_KUBERNETES, "environment:kubernetes");
        }
        if (name == null) {
            if (!m.has("name")) {
                reader.error(m, RuleIds.MISSING_KEY, "'environment' written as a mapping must have 'name'");
            }
            return null;
        }
        return new Environment(name, url, action == null ? "start" : action, onStop, autoStopIn, tier, m.range());
    }
}

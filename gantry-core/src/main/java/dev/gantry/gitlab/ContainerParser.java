package dev.gantry.gitlab;

import dev.gantry.model.Container;
import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code image} and {@code services} ("CI/CD YAML syntax reference#image", "#image:name",
 * "#image:entrypoint", "#image:docker", "#image:pull_policy", "#services", "#services:docker",
 * "#services:pull_policy"; "Services#Available settings for services" for {@code alias},
 * {@code command} and {@code variables}). Each is an image name, or a mapping whose {@code name}
 * is required.
 */
final class ContainerParser {

    private final Reader reader;

    ContainerParser(Reader reader) {
        this.reader = reader;
    }

    /** The image, or null when not written or unusable. */
    Container image(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar) {
            String name = reader.string(node, "image");
            return name == null ? null : Container.image(name, node.range());
        }
        if (!(node instanceof YamlMap m)) {
            reader.wrongType(node, "image", "a string or a mapping");
            return null;
        }
        reader.checkKeys(m, Keywords.IMAGE, "image of " + where);
        return container(m, "image", List.of());
    }

    /** The services in order, or null when not written. */
    List<Container> services(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, "services", "a sequence");
            return null;
        }
        List<Container> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
                out.add(Container.image(s.value(), s.range()));
            } else if (item instanceof YamlMap m) {
                reader.checkKeys(m, Keywords.SERVICE, "services of " + where);
                List<Variable> env = new VariablesParser(reader).parse(m.get("variables"), VariablesParser.Kind.PLAIN,
                        "services of " + where);
                Container c = container(m, "services", env);
                if (c != null) {
                    out.add(c);
                }
            } else {
                reader.wrongType(item, "services", "a sequence of image names or mappings");
            }
        }
        return out;
    }

    private Container container(YamlMap m, String keyword, List<Variable> env) {
        String name = reader.string(m.get("name"), keyword + ":name");
        if (name == null) {
            if (!m.has("name")) {
                reader.error(m, RuleIds.MISSING_KEY, "'" + keyword + "' written as a mapping must have 'name'");
            }
            return null;
        }
        String alias = reader.string(m.get("alias"), keyword + ":alias");
        List<String> entrypoint = reader.strings(m.get("entrypoint"), keyword + ":entrypoint", true);
        List<String> command = reader.strings(m.get("command"), keyword + ":command", true);
        YamlMap docker = reader.map(m.get("docker"), keyword + ":docker");
        if (docker != null) {
            reader.checkKeys(docker, Keywords.DOCKER, keyword + ":docker");
            reader.string(docker.get("platform"), keyword + ":docker:platform");
            reader.string(docker.get("user"), keyword + ":docker:user");
        }
        reader.map(m.get("kubernetes"), keyword + ":kubernetes");
        List<String> pullPolicy = pullPolicy(m.get("pull_policy"), keyword + ":pull_policy");
        return new Container(name, alias, orEmpty(entrypoint), orEmpty(command), env, List.of(), List.of(), null,
                pullPolicy, m.range());
    }

    private List<String> pullPolicy(YamlNode node, String name) {
        if (Reader.absent(node)) {
            return List.of();
        }
        if (node instanceof YamlMap) {
            reader.wrongType(node, name, "a string or a sequence of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : node instanceof YamlSeq seq ? seq.items() : List.of(node)) {
            String v = reader.oneOf(item, name, Keywords.PULL_POLICY);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}

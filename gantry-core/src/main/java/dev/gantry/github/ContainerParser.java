package dev.gantry.github;

import dev.gantry.model.Container;
import dev.gantry.model.GithubJob;
import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code container} and {@code services} ("Workflow syntax for GitHub Actions":
 * {@code jobs.<job_id>.container} and {@code jobs.<job_id>.services}): an image name, or a mapping
 * with {@code image}, {@code credentials}, {@code env}, {@code ports}, {@code volumes} and
 * {@code options}. A service's id becomes its network alias.
 */
final class ContainerParser {

    /**
     * One container and its registry credentials.
     *
     * @param container   the container
     * @param credentials its {@code credentials}, or null
     */
    record Parsed(Container container, GithubJob.Credentials credentials) {
    }

    /**
     * A job's services.
     *
     * @param containers  in document order, each with its id as alias
     * @param credentials service id to credentials, for the services that have them
     */
    record Services(List<Container> containers, Map<String, GithubJob.Credentials> credentials) {
    }

    private final NodeReader reader;

    ContainerParser(NodeReader reader) {
        this.reader = reader;
    }

    /** {@code container}, or null when absent or wrong. */
    Parsed container(YamlMap.Entry entry, String jobWhere) {
        return entry == null ? null : parse(entry, null, "the container of " + jobWhere);
    }

    Services services(YamlNode node, String jobWhere) {
        List<Container> containers = new ArrayList<>();
        Map<String, GithubJob.Credentials> credentials = new LinkedHashMap<>();
        YamlMap services = reader.map(node, NodeReader.keyOf("services", jobWhere));
        if (services != null) {
            for (YamlMap.Entry e : services.entries()) {
                Parsed parsed = parse(e, e.name(), "service '" + e.name() + "' of " + jobWhere);
                if (parsed == null) {
                    continue;
                }
                containers.add(parsed.container());
                if (parsed.credentials() != null) {
                    credentials.put(e.name(), parsed.credentials());
                }
            }
        }
        return new Services(containers, credentials);
    }

    private Parsed parse(YamlMap.Entry entry, String alias, String where) {
        YamlNode node = entry.value();
        if (NodeReader.absent(node)) {
            if (alias != null) {
                reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs an 'image'");
            }
            return null;
        }
        if (node instanceof YamlScalar s) {
            return new Parsed(new Container(s.value(), alias, List.of(), List.of(), List.of(), List.of(), List.of(),
                    null, List.of(), s.range()), null);
        }
        YamlMap map = reader.map(node, where);
        if (map == null) {
            return null;
        }
        Keywords.check(map, Keywords.CONTAINER, where, reader.diagnostics());
        String image = reader.text(map.get("image"), NodeReader.keyOf("image", where));
        if (image == null) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, where + " needs an 'image'");
            return null;
        }
        List<Variable> env = reader.env(map.get("env"), NodeReader.keyOf("env", where));
        List<String> ports = reader.texts(map.get("ports"), NodeReader.keyOf("ports", where));
        List<String> volumes = reader.texts(map.get("volumes"), NodeReader.keyOf("volumes", where));
        String options = reader.text(map.get("options"), NodeReader.keyOf("options", where));
        Container container = new Container(image, alias, List.of(), List.of(), env, ports, volumes, options, List.of(),
                map.get("image").range());
        return new Parsed(container, credentials(map.get("credentials"), where));
    }

    private GithubJob.Credentials credentials(YamlNode node, String where) {
        String what = NodeReader.keyOf("credentials", where);
        YamlMap map = reader.map(node, what);
        if (map == null) {
            return null;
        }
        Keywords.check(map, Keywords.CREDENTIALS, what, reader.diagnostics());
        return new GithubJob.Credentials(reader.text(map.get("username"), NodeReader.keyOf("username", what)),
                reader.text(map.get("password"), NodeReader.keyOf("password", what)));
    }
}

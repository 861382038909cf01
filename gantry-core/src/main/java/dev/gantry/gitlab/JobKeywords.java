package dev.gantry.gitlab;

import dev.gantry.model.Artifacts;
import dev.gantry.model.Cache;
import dev.gantry.model.Container;
import dev.gantry.model.Retry;
import dev.gantry.model.StepAction;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords a job shares with {@code default:}, parsed the same way in both places: image,
 * services, scripts, cache, artifacts, {@code retry} ("CI/CD YAML syntax reference#retry",
 * "#retry:when", "#retry:exit_codes": 0 to 2 retries), {@code timeout} (a human duration),
 * {@code interruptible}, {@code tags}, {@code hooks}, {@code id_tokens} (each token needs
 * {@code aud}) and {@code identity}.
 */
final class JobKeywords {

    private final Reader reader;
    private final ContainerParser containers;
    private final ScriptParser scripts;
    private final CacheParser caches;
    private final ArtifactsParser artifacts;

    JobKeywords(Reader reader) {
        this.reader = reader;
        this.containers = new ContainerParser(reader);
        this.scripts = new ScriptParser(reader);
        this.caches = new CacheParser(reader);
        this.artifacts = new ArtifactsParser(reader);
    }

    Container image(YamlNode node, String where) {
        return containers.image(node, where);
    }

    List<Container> services(YamlNode node, String where) {
        return containers.services(node, where);
    }

    List<StepAction.ScriptLine> script(YamlNode node, String name) {
        return scripts.lines(node, name);
    }

    List<Cache> caches(YamlNode node, String where) {
        return caches.caches(node, where);
    }

    Artifacts artifacts(YamlNode node, String where) {
        return artifacts.artifacts(node, where);
    }

    /** {@code retry:} as a number or a mapping, or null when not written. */
    Retry retry(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.INT) {
            Integer max = retries(s, "retry");
            return max == null ? null : new Retry(max, List.of(), List.of());
        }
        if (!(node instanceof YamlMap m)) {
            reader.wrongType(node, "retry", "0, 1, 2 or a mapping with 'max'");
            return null;
        }
        reader.checkKeys(m, Keywords.RETRY, "retry of " + where);
        Integer max = Reader.absent(m.get("max")) ? Integer.valueOf(0) : retries(m.get("max"), "retry:max");
        List<String> when = new ArrayList<>();
        YamlNode w = m.get("when");
        if (!Reader.absent(w)) {
            for (YamlNode item : w instanceof YamlSeq seq ? seq.items() : List.of(w)) {
                String v = reader.oneOf(item, "retry:when", Keywords.RETRY_WHEN);
                if (v != null) {
                    when.add(v);
                }
            }
        }
        List<Integer> exitCodes = reader.integers(m.get("exit_codes"), "retry:exit_codes");
        return new Retry(max == null ? 0 : max, when, exitCodes);
    }

    private Integer retries(YamlNode node, String name) {
        Long n = reader.integer(node, name);
        if (n == null) {
            return null;
        }
        if (n < 0 || n > 2) {
            reader.error(node, RuleIds.RETRY_RANGE, "'" + name + "' must be 0, 1 or 2, not "
                    + ((YamlScalar) node).value());
            return null;
        }
        return n.intValue();
    }

    /** {@code timeout:} such as {@code 1h 30m}, or null. */
    Duration timeout(YamlNode node) {
        String text = reader.duration(node, "timeout", false);
        return text == null ? null : Durations.parse(text);
    }

    Boolean interruptible(YamlNode node) {
        return reader.bool(node, "interruptible");
    }

    List<String> tags(YamlNode node) {
        YamlNode n = node instanceof YamlSeq seq ? new YamlSeq(Flatten.items(seq), null, seq.range()) : node;
        return reader.strings(n, "tags", false);
    }

    /** {@code hooks:} name to its commands, or null. */
    Map<String, List<String>> hooks(YamlNode node, String where) {
        YamlMap m = reader.map(node, "hooks");
        if (m == null) {
            return null;
        }
        reader.checkKeys(m, Keywords.HOOKS, "hooks of " + where);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (YamlMap.Entry e : m.entries()) {
            List<StepAction.ScriptLine> lines = scripts.lines(e.value(), "hooks:" + e.name());
            if (lines != null && Keywords.HOOKS.contains(e.name())) {
                out.put(e.name(), lines.stream().map(StepAction.ScriptLine::command).toList());
            }
        }
        return out;
    }

    /** {@code id_tokens:} as plain values, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> idTokens(YamlNode node, String where) {
        YamlMap m = reader.map(node, "id_tokens");
        if (m == null) {
            return null;
        }
        for (YamlMap.Entry e : m.entries()) {
            YamlMap token = reader.map(e.value(), "id_tokens:" + e.name());
            if (token == null) {
                continue;
            }
            reader.checkKeys(token, Keywords.ID_TOKEN, "id_tokens:" + e.name() + " of " + where);
            if (!token.has("aud")) {
                reader.error(token, RuleIds.MISSING_KEY, "id token '" + e.name() + "' must have 'aud'");
            } else {
                reader.strings(token.get("aud"), "id_tokens:" + e.name() + ":aud", true);
            }
        }
        return (Map<String, Object>) m.toPlain();
    }

    String identity(YamlNode node) {
        return reader.oneOf(node, "identity", Set.of("google_cloud"));
    }

    /** The {@code default:} section, falling back to the deprecated top-level keywords. */
    Defaults defaults(YamlMap root) {
        YamlMap d = reader.map(root.get("default"), "default");
        if (d == null) {
            d = YamlMap.of(List.of(), null, root.range());
        } else {
            reader.checkKeys(d, Keywords.DEFAULT, "default");
        }
        String where = "default";
        return new Defaults(
                image(either(d, root, "image"), where),
                services(either(d, root, "services"), where),
                script(either(d, root, "before_script"), "before_script"),
                script(either(d, root, "after_script"), "after_script"),
                caches(either(d, root, "cache"), where),
                artifacts(d.get("artifacts"), where),
                retry(d.get("retry"), where),
                timeout(d.get("timeout")),
                interruptible(d.get("interruptible")),
                tags(d.get("tags")),
                hooks(d.get("hooks"), where),
                idTokens(d.get("id_tokens"), where),
                identity(d.get("identity")));
    }

    private static YamlNode either(YamlMap section, YamlMap root, String key) {
        return section.has(key) ? section.get(key) : root.get(key);
    }
}

package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;

/**
 * GitLab's deep merge of two mappings, used by {@code include} ("Override included configuration
 * values", docs.gitlab.com/ci/yaml/includes) and by {@code extends} ("CI/CD YAML syntax
 * reference#extends": a reverse deep merge). Mappings present on both sides are merged key by key;
 * everything else (sequences, scalars, and a YAML null, which is how a job removes an inherited
 * key) is taken from the overriding side whole. Arrays are therefore replaced, never concatenated.
 *
 * <p>Keys keep the base's order and new keys follow, as Ruby's {@code Hash#deep_merge} does; every
 * entry keeps the source range of the side it came from.
 */
final class YamlMerge {

    private YamlMerge() {
    }

    /** {@code over} merged onto {@code base}; the result has {@code over}'s range. */
    static YamlMap deep(YamlMap base, YamlMap over) {
        List<YamlMap.Entry> out = new ArrayList<>(base.size() + over.size());
        for (YamlMap.Entry b : base.entries()) {
            YamlMap.Entry o = over.entry(b.name());
            if (o == null) {
                out.add(b);
            } else if (b.value() instanceof YamlMap bm && o.value() instanceof YamlMap om) {
                out.add(new YamlMap.Entry(o.key(), deep(bm, om)));
            } else {
                out.add(o);
            }
        }
        for (YamlMap.Entry o : over.entries()) {
            if (!base.has(o.name())) {
                out.add(o);
            }
        }
        return YamlMap.of(out, over.tag(), over.range());
    }

    /** {@code map} without the entry {@code key}. */
    static YamlMap without(YamlMap map, String key) {
        if (!map.has(key)) {
            return map;
        }
        List<YamlMap.Entry> out = new ArrayList<>(map.entries());
        out.removeIf(e -> e.name().equals(key));
        return YamlMap.of(out, map.tag(), map.range());
    }
}

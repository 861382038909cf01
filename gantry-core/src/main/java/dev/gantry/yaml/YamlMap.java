package dev.gantry.yaml;

import dev.gantry.diag.SourceRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping with string keys, in document order. Duplicate keys were reported by the loader
 * and only the first kept; {@code <<} merges were applied (local keys first, then merged keys).
 */
public final class YamlMap implements YamlNode {

    /** One key and its value; the key keeps its own position for "unknown key" messages. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return key.value();
        }
    }

    private final Map<String, Entry> entries;
    private final String tag;
    private final SourceRange range;

    YamlMap(Map<String, Entry> entries, String tag, SourceRange range) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.tag = tag;
        this.range = range;
    }

    /**
     * A mapping built by a front end rather than read from a file, for example the result of merging
     * a GitLab job with the templates it {@code extends}. Entries keep their own source ranges.
     *
     * @param entries the entries in the order they should be listed; keys must be unique
     * @param tag     a non-standard tag, or null
     * @param range   where the mapping stands (for a merge result, usually the overriding mapping)
     */
    public static YamlMap of(List<Entry> entries, String tag, SourceRange range) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            byName.put(e.name(), e);
        }
        return new YamlMap(byName, tag, range);
    }

    /** The value under {@code key}, or null when the key is absent. */
    public YamlNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** The entry under {@code key} (key and value positions), or null. */
    public Entry entry(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** All entries in document order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public SourceRange range() {
        return range;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            out.put(e.name(), e.value().toPlain());
        }
        return out;
    }

    @Override
    public String toString() {
        return "YamlMap" + entries.keySet() + "@" + range;
    }
}

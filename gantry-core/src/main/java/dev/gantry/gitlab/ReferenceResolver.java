package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces every {@code !reference [name, key, ...]} with the node it names ("Optimize GitLab CI/CD
 * configuration files#!reference tags"). The first name is a top-level key (a job, a hidden job or a
 * global keyword), the rest walk down its mappings. Runs after {@code include} and {@code extends},
 * as GitLab does, so a reference sees inherited keys. References inside the referenced content are
 * resolved too, up to {@value #MAX_DEPTH} levels; the replacement keeps the referenced node's source
 * range, so a script line from a reference points at the line that was written.
 *
 * <p>A sequence of references stays nested here; the places that splice them ({@code script},
 * {@code rules}, ...) flatten it. A reference that cannot be resolved becomes null (the key counts as
 * not written) after a diagnostic: {@value RuleIds#REFERENCE_MISSING} (silent when an include could
 * not be read), {@value RuleIds#REFERENCE_CYCLE}, {@value RuleIds#REFERENCE_DEPTH} or
 * {@value RuleIds#REFERENCE_INVALID}. Other custom tags are reported as {@value RuleIds#UNKNOWN_TAG}.
 */
final class ReferenceResolver {

    static final int MAX_DEPTH = 10;
    static final String TAG = "!reference";

    private final YamlMap config;
    private final Reader reader;
    private final boolean complete;
    /** Cycles already reported, by their members, so that one cycle is reported once. */
    private final java.util.Set<java.util.Set<String>> cycles = new java.util.HashSet<>();

    ReferenceResolver(YamlMap config, Reader reader, boolean complete) {
        this.config = config;
        this.reader = reader;
        this.complete = complete;
    }

    /** The configuration with every reference replaced. */
    YamlMap resolve() {
        return (YamlMap) walk(config, new ArrayList<>());
    }

    private YamlNode walk(YamlNode node, List<String> active) {
        if (node instanceof YamlSeq seq && TAG.equals(seq.tag())) {
            return reference(seq, active);
        }
        if (node.tag() != null) {
            if (TAG.equals(node.tag())) {
                reader.error(node, RuleIds.REFERENCE_INVALID, "a !reference must be a sequence of names, such as"
                        + " !reference [.setup, script]");
                return nothing(node);
            }
            reader.error(node, RuleIds.UNKNOWN_TAG, "unknown YAML tag '" + node.tag() + "'; GitLab knows only "
                    + TAG);
        }
        if (node instanceof YamlSeq seq) {
            List<YamlNode> items = new ArrayList<>(seq.items().size());
            boolean changed = false;
            for (YamlNode item : seq.items()) {
                YamlNode w = walk(item, active);
                changed |= w != item;
                items.add(w);
            }
            return changed ? new YamlSeq(items, seq.tag(), seq.range()) : seq;
        }
        if (node instanceof YamlMap map) {
            List<YamlMap.Entry> entries = new ArrayList<>(map.size());
            boolean changed = false;
            for (YamlMap.Entry e : map.entries()) {
                YamlNode w = walk(e.value(), active);
                changed |= w != e.value();
                entries.add(w == e.value() ? e : new YamlMap.Entry(e.key(), w));
            }
            return changed ? YamlMap.of(entries, map.tag(), map.range()) : map;
        }
        return node;
    }

    private YamlNode reference(YamlSeq ref, List<String> active) {
        List<String> path = new ArrayList<>();
        for (YamlNode item : ref.items()) {
            if (item instanceof YamlScalar s && !s.isNull()) {
                path.add(s.value());
            } else {
                reader.error(item, RuleIds.REFERENCE_INVALID, "a !reference names keys, so each item must be a"
                        + " string, not " + item.describe());
                return nothing(ref);
            }
        }
        if (path.isEmpty()) {
            reader.error(ref, RuleIds.REFERENCE_INVALID, "a !reference must name at least a job or key");
            return nothing(ref);
        }
        String label = "[" + String.join(", ", path) + "]";
        if (active.contains(label)) {
            List<String> cycle = new ArrayList<>(active.subList(active.indexOf(label), active.size()));
            if (cycles.add(java.util.Set.copyOf(cycle))) {
                cycle.add(label);
                reader.error(ref, RuleIds.REFERENCE_CYCLE, "circular !reference: " + String.join(" -> ", cycle));
            }
            return nothing(ref);
        }
        if (active.size() >= MAX_DEPTH) {
            reader.error(ref, RuleIds.REFERENCE_DEPTH, "!reference " + label + " is nested more than " + MAX_DEPTH
                    + " levels deep");
            return nothing(ref);
        }
        YamlNode target = lookup(path, ref, label);
        if (target == null) {
            return nothing(ref);
        }
        active.add(label);
        YamlNode resolved = walk(target, active);
        active.remove(active.size() - 1);
        return resolved;
    }

    private YamlNode lookup(List<String> path, YamlSeq ref, String label) {
        YamlNode at = config;
        String where = null;
        for (String key : path) {
            YamlNode next = at instanceof YamlMap m ? m.get(key) : null;
            if (next == null) {
                if (complete || where != null) {
                    List<String> keys = at instanceof YamlMap m
                            ? m.entries().stream().map(YamlMap.Entry::name).toList() : List.of();
                    reader.error(ref, RuleIds.REFERENCE_MISSING, "!reference " + label + ": "
                            + (where == null ? "'" + key + "' is not defined" : "'" + where + "' has no key '" + key
                            + "'") + Closest.hint(key, keys));
                }
                return null;
            }
            at = next;
            where = where == null ? key : where + ":" + key;
        }
        return at;
    }

    private static YamlNode nothing(YamlNode at) {
        return new YamlScalar("", YamlScalar.Type.NULL, YamlScalar.Style.PLAIN, null, at.range());
    }
}

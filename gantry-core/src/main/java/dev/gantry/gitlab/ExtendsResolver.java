package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code extends} ("CI/CD YAML syntax reference#extends", "Optimize GitLab CI/CD
 * configuration files#Use extends to reuse configuration sections"): a job is the reverse deep merge
 * of the jobs or hidden jobs it names, in order (a later one wins), with its own keys on top.
 * Mappings merge key by key across every level; sequences and scalars are replaced; a key set to
 * null removes what a template set. It runs before {@code !reference} tags are resolved, as GitLab's
 * does, so an unresolved reference is no mapping to merge into: {@code variables: !reference [...]} on
 * one side and a mapping on the other do not merge, the later side wins whole (GitLab issue 383802,
 * "!reference tags overwrite extended job variables"). Templates may extend others; the whole chain may be at most
 * {@value #MAX_DEPTH} levels deep ("supports up to eleven levels of inheritance").
 *
 * <p>Reports an unknown template ({@value RuleIds#EXTENDS_UNKNOWN}, unless an include could not be
 * read and might define it), a cycle ({@value RuleIds#EXTENDS_CYCLE}, naming it) and a chain that is
 * too deep ({@value RuleIds#EXTENDS_DEPTH}).
 */
final class ExtendsResolver {

    static final int MAX_DEPTH = 11;

    private final YamlMap config;
    private final Reader reader;
    private final boolean complete;
    private final Map<String, YamlMap> resolved = new HashMap<>();
    private final Map<String, Integer> heights = new HashMap<>();
    private final Set<String> broken = new HashSet<>();

    ExtendsResolver(YamlMap config, Reader reader, boolean complete) {
        this.config = config;
        this.reader = reader;
        this.complete = complete;
    }

    /** The configuration with every job's and hidden job's {@code extends} applied and removed. */
    YamlMap resolve() {
        List<YamlMap.Entry> out = new ArrayList<>(config.size());
        for (YamlMap.Entry e : config.entries()) {
            if (isJobLike(e.name()) && e.value() instanceof YamlMap m) {
                checkDepth(e.name(), m);
                out.add(new YamlMap.Entry(e.key(), job(e.name(), m, new ArrayList<>())));
            } else {
                out.add(e);
            }
        }
        return YamlMap.of(out, config.tag(), config.range());
    }

    /**
     * The jobs whose {@code extends} chain could not be followed to the end (an unknown template or
     * a cycle): what the missing part would have given them, such as a script, is not known.
     */
    Set<String> broken() {
        return broken;
    }

    private static boolean isJobLike(String name) {
        return !Keywords.GLOBAL.contains(name);
    }

    private YamlMap job(String name, YamlMap map, List<String> chain) {
        YamlMap done = resolved.get(name);
        if (done != null) {
            return done;
        }
        YamlMap.Entry ext = map.entry("extends");
        if (ext == null) {
            resolved.put(name, map);
            return map;
        }
        chain.add(name);
        YamlMap merged = null;
        for (YamlScalar parentNode : parents(ext.value())) {
            String parent = parentNode.value();
            int at = chain.indexOf(parent);
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(chain.subList(at, chain.size()));
                cycle.add(parent);
                reader.error(parentNode, RuleIds.EXTENDS_CYCLE, "circular extends: " + String.join(" -> ", cycle));
                broken.add(name);
                continue;
            }
            YamlMap template = template(name, parentNode);
            if (template == null) {
                broken.add(name);
                continue;
            }
            YamlMap p = job(parent, template, chain);
            if (broken.contains(parent)) {
                broken.add(name);
            }
            merged = merged == null ? p : YamlMerge.deep(merged, p);
        }
        chain.remove(chain.size() - 1);
        YamlMap own = YamlMerge.without(map, "extends");
        YamlMap result = merged == null ? own : YamlMerge.deep(merged, own);
        resolved.put(name, result);
        return result;
    }

    private YamlMap template(String job, YamlScalar parentNode) {
        String parent = parentNode.value();
        YamlNode value = isJobLike(parent) ? config.get(parent) : null;
        if (value == null) {
            if (complete) {
                List<String> names = config.entries().stream().map(YamlMap.Entry::name)
                        .filter(ExtendsResolver::isJobLike).toList();
                reader.error(parentNode, RuleIds.EXTENDS_UNKNOWN, "'" + job + "' extends '" + parent
                        + "', which is not defined" + Closest.hint(parent, names));
            }
            return null;
        }
        if (!(value instanceof YamlMap m)) {
            reader.error(parentNode, RuleIds.WRONG_TYPE, "'" + job + "' cannot extend '" + parent + "': it is "
                    + value.describe() + ", not a mapping");
            return null;
        }
        return m;
    }

    private List<YamlScalar> parents(YamlNode value) {
        List<YamlScalar> out = new ArrayList<>();
        if (value instanceof YamlScalar s && PsychScalar.isString(s)) {
            out.add(s);
        } else if (value instanceof YamlSeq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
                    out.add(s);
                } else {
                    reader.wrongType(item, "extends", "a string or a sequence of strings");
                }
            }
        } else if (!Reader.absent(value)) {
            reader.wrongType(value, "extends", "a string or a sequence of strings");
        }
        return out;
    }

    /** Reports a job whose deepest {@code extends} chain is longer than {@value #MAX_DEPTH}. */
    private void checkDepth(String name, YamlMap map) {
        if (height(name, new HashSet<>()) <= MAX_DEPTH) {
            return;
        }
        List<String> chain = new ArrayList<>();
        String at = name;
        Set<String> seen = new HashSet<>();
        while (at != null && seen.add(at)) {
            chain.add(at);
            at = deepestParent(at, seen);
        }
        reader.error(map.entry("extends").key(), RuleIds.EXTENDS_DEPTH, "'" + name + "' extends templates "
                + (chain.size() - 1) + " levels deep (" + String.join(" -> ", chain) + "); at most " + MAX_DEPTH
                + " are allowed");
    }

    /** The number of {@code extends} levels below {@code name}; cycles and unknown names count nothing. */
    private int height(String name, Set<String> visiting) {
        Integer known = heights.get(name);
        if (known != null) {
            return known;
        }
        if (!(config.get(name) instanceof YamlMap m) || !m.has("extends") || !visiting.add(name)) {
            return 0;
        }
        int h = 0;
        for (YamlNode p : plainParents(m.get("extends"))) {
            if (p instanceof YamlScalar s && isJobLike(s.value())) {
                h = Math.max(h, 1 + height(s.value(), visiting));
            }
        }
        visiting.remove(name);
        heights.put(name, h);
        return h;
    }

    private String deepestParent(String name, Set<String> seen) {
        if (!(config.get(name) instanceof YamlMap m)) {
            return null;
        }
        String best = null;
        int bestHeight = -1;
        for (YamlNode p : plainParents(m.get("extends"))) {
            if (p instanceof YamlScalar s && isJobLike(s.value()) && config.get(s.value()) instanceof YamlMap
                    && !seen.contains(s.value()) && heights.getOrDefault(s.value(), 0) > bestHeight) {
                best = s.value();
                bestHeight = heights.getOrDefault(best, 0);
            }
        }
        return best;
    }

    private static List<YamlNode> plainParents(YamlNode value) {
        return value instanceof YamlSeq seq ? seq.items() : value == null ? List.of() : List.of(value);
    }
}

package dev.gantry.gitlab;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GitLab-only job keywords that the model keeps as plain values, validated here: {@code trigger}
 * (a project path, or {@code project}, {@code branch}, {@code strategy}, {@code forward},
 * {@code include}), {@code release} ({@code tag_name} required), {@code pages} ({@code true},
 * {@code false} or {@code publish}, {@code path_prefix}, {@code expire_in}), {@code secrets},
 * {@code dast_configuration}, {@code coverage} (an RE2 regex between slashes) and {@code inherit}
 * ("CI/CD YAML syntax reference", the sections of the same names).
 */
final class JobExtras {

    private final Reader reader;

    JobExtras(Reader reader) {
        this.reader = reader;
    }

    /** {@code trigger:} as plain values, or null when not written. */
    Object trigger(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlScalar) {
            return reader.string(node, "trigger");
        }
        YamlMap m = reader.map(node, "trigger");
        if (m == null) {
            return null;
        }
        reader.checkKeys(m, Keywords.TRIGGER, "trigger of " + where);
        reader.string(m.get("project"), "trigger:project");
        reader.string(m.get("branch"), "trigger:branch");
        reader.oneOf(m.get("strategy"), "trigger:strategy", Set.of("depend", "mirror"));
        YamlMap forward = reader.map(m.get("forward"), "trigger:forward");
        if (forward != null) {
            reader.checkKeys(forward, Keywords.TRIGGER_FORWARD, "trigger:forward");
            forward.entries().forEach(e -> reader.bool(e.value(), "trigger:forward:" + e.name()));
        }
        YamlNode include = m.get("include");
        if (!Reader.absent(include)) {
            for (YamlNode item : include instanceof YamlSeq seq ? seq.items() : List.of(include)) {
                if (item instanceof YamlMap im) {
                    reader.checkKeys(im, Keywords.TRIGGER_INCLUDE, "trigger:include");
                } else {
                    reader.string(item, "trigger:include");
                }
            }
        }
        if (!m.has("project") && !m.has("include")) {
            reader.error(m, RuleIds.MISSING_KEY, "'trigger' needs 'project' or 'include'");
        }
        return m.toPlain();
    }

    /** {@code release:} as plain values, or null. */
    Object release(YamlNode node, String where) {
        YamlMap m = reader.map(node, "release");
        if (m == null) {
            return null;
        }
        reader.checkKeys(m, Keywords.RELEASE, "release of " + where);
        for (String key : List.of("tag_name", "tag_message", "name", "description", "ref", "released_at")) {
            reader.string(m.get(key), "release:" + key);
        }
        reader.strings(m.get("milestones"), "release:milestones", true);
        reader.map(m.get("assets"), "release:assets");
        if (!m.has("tag_name")) {
            reader.error(m, RuleIds.MISSING_KEY, "'release' must have 'tag_name'");
        }
        return m.toPlain();
    }

    /** {@code pages:} as plain values, or null. */
    Object pages(YamlNode node, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlMap m) {
            reader.checkKeys(m, Keywords.PAGES, "pages of " + where);
            reader.string(m.get("publish"), "pages:publish");
            reader.string(m.get("path_prefix"), "pages:path_prefix");
            reader.duration(m.get("expire_in"), "pages:expire_in", true);
            return m.toPlain();
        }
        return reader.bool(node, "pages");
    }

    /** {@code secrets:} as plain values; empty when not written. */
    Map<String, Object> secrets(YamlNode node, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        YamlMap m = reader.map(node, "secrets");
        if (m == null) {
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            YamlMap secret = reader.map(e.value(), "secrets:" + e.name());
            if (secret != null) {
                reader.checkKeys(secret, Keywords.SECRET, "secrets:" + e.name() + " of " + where);
                reader.bool(secret.get("file"), "secrets:" + e.name() + ":file");
                reader.string(secret.get("token"), "secrets:" + e.name() + ":token");
                out.put(e.name(), secret.toPlain());
            }
        }
        return out;
    }

    void dastConfiguration(YamlNode node, String where) {
        YamlMap m = reader.map(node, "dast_configuration");
        if (m != null) {
            reader.checkKeys(m, Keywords.DAST_CONFIGURATION, "dast_configuration of " + where);
        }
    }

    /** {@code coverage:}: a regex between slashes that RE2 accepts, or null. */
    String coverage(YamlNode node) {
        String text = reader.string(node, "coverage");
        if (text == null) {
            return null;
        }
        if (text.length() < 2 || !text.startsWith("/") || !text.endsWith("/")) {
            reader.error(node, RuleIds.INVALID_VALUE, "'coverage' must be a regular expression between slashes, such"
                    + " as '/Total: \\d+%/'");
            return null;
        }
        try {
            Pattern.compile(text.substring(1, text.length() - 1));
        } catch (PatternSyntaxException e) {
            reader.error(node, RuleIds.INVALID_VALUE, "'coverage' is not a valid RE2 regular expression: "
                    + e.getDescription());
            return null;
        }
        return text;
    }

    /**
     * {@code inherit:default} and {@code inherit:variables}: {@code Boolean.TRUE}, {@code Boolean.FALSE}
     * or the list of names; [default, variables].
     */
    Object[] inherit(YamlNode node, String where) {
        Object[] out = {Boolean.TRUE, Boolean.TRUE};
        YamlMap m = reader.map(node, "inherit");
        if (m == null) {
            return out;
        }
        reader.checkKeys(m, Keywords.INHERIT, "inherit of " + where);
        out[0] = inheritValue(m.get("default"), "inherit:default", Keywords.DEFAULT);
        out[1] = inheritValue(m.get("variables"), "inherit:variables", null);
        return out;
    }

    private Object inheritValue(YamlNode node, String name, Set<String> known) {
        if (Reader.absent(node)) {
            return Boolean.TRUE;
        }
        Boolean bool = PsychBoolean.of(node);
        if (bool != null) {
            return bool;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, name, "true, false or a sequence of names");
            return Boolean.TRUE;
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String v = reader.string(item, name);
            if (v == null) {
                continue;
            }
            if (known != null && !known.contains(v)) {
                reader.error(item, RuleIds.UNKNOWN_KEYWORD, "'" + v + "' is not a default keyword"
                        + Closest.hint(v, known));
                continue;
            }
            names.add(v);
        }
        return names;
    }
}

package dev.gantry.github;

import dev.gantry.model.Concurrency;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections a workflow and a job share: {@code permissions}, {@code defaults.run} and
 * {@code concurrency} ("Workflow syntax for GitHub Actions": {@code permissions},
 * {@code defaults.run}, {@code concurrency}, and their {@code jobs.<job_id>} forms).
 */
final class Sections {

    private static final List<String> LEVELS = List.of("read", "write", "none");
    private static final List<String> SHORT_FORMS = List.of("read-all", "write-all");

    private final NodeReader reader;

    Sections(NodeReader reader) {
        this.reader = reader;
    }

    /**
     * {@code permissions}: a mapping of scopes to {@code read}, {@code write} or {@code none}, or
     * {@code read-all} / {@code write-all} (kept under the key {@code "*"}), or {@code {}} for none.
     *
     * @return null when not written, as {@link GithubWorkflow#permissions()} wants
     */
    Map<String, String> permissions(YamlNode node, String where) {
        if (NodeReader.absent(node)) {
            return null;
        }
        String what = NodeReader.keyOf("permissions", where);
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlScalar s && !s.isNull()) {
            if (SHORT_FORMS.contains(s.value())) {
                out.put("*", s.value());
            } else {
                reader.diagnostics().error(s.range(), Rules.INVALID_VALUE, what + " must be 'read-all', 'write-all' or "
                        + "a mapping of scopes, not '" + s.value() + "'" + Keywords.hint(s.value(), SHORT_FORMS));
            }
            return out;
        }
        YamlMap map = reader.map(node, what);
        if (map == null) {
            return out;
        }
        for (YamlMap.Entry e : map.entries()) {
            if (!Keywords.PERMISSION_SCOPES.contains(e.name())) {
                reader.diagnostics().error(e.key().range(), Rules.UNKNOWN_KEY,
                        "unknown permission '" + e.name() + "' in " + where + Keywords.hint(e.name(), Keywords.PERMISSION_SCOPES));
                continue;
            }
            String level = reader.text(e.value(), "permission '" + e.name() + "' of " + where);
            if (level == null) {
                continue;
            }
            if (LEVELS.contains(level)) {
                out.put(e.name(), level);
            } else {
                reader.diagnostics().error(e.value().range(), Rules.INVALID_VALUE, "permission '" + e.name() + "' of "
                        + where + " must be 'read', 'write' or 'none', not '" + level + "'");
            }
        }
        return out;
    }

    /** {@code defaults: {run: {shell, working-directory}}}. */
    GithubWorkflow.RunDefaults defaults(YamlNode node, String where) {
        YamlMap defaults = reader.map(node, NodeReader.keyOf("defaults", where));
        if (defaults == null) {
            return GithubWorkflow.RunDefaults.NONE;
        }
        String defaultsWhere = NodeReader.keyOf("defaults", where);
        Keywords.check(defaults, Keywords.DEFAULTS, defaultsWhere, reader.diagnostics());
        String runWhere = "'defaults.run' of " + where;
        YamlMap run = reader.map(defaults.get("run"), runWhere);
        if (run == null) {
            return GithubWorkflow.RunDefaults.NONE;
        }
        Keywords.check(run, Keywords.DEFAULTS_RUN, runWhere, reader.diagnostics());
        return new GithubWorkflow.RunDefaults(reader.text(run.get("shell"), NodeReader.keyOf("shell", runWhere)),
                reader.text(run.get("working-directory"), NodeReader.keyOf("working-directory", runWhere)));
    }

    /** {@code concurrency}: a group name, or {@code {group, cancel-in-progress}}; null when not written. */
    Concurrency concurrency(YamlMap.Entry entry, String where) {
        String what = NodeReader.keyOf("concurrency", where);
        if (entry == null || NodeReader.absent(entry.value())) {
            return null;
        }
        YamlNode node = entry.value();
        if (node instanceof YamlScalar s) {
            return new Concurrency(s.value(), null, s.range());
        }
        YamlMap map = reader.map(node, what);
        if (map == null) {
            return null;
        }
        Keywords.check(map, Keywords.CONCURRENCY, what, reader.diagnostics());
        String group = reader.text(map.get("group"), NodeReader.keyOf("group", what));
        if (group == null) {
            reader.diagnostics().error(entry.key().range(), Rules.MISSING_KEY, what + " needs a 'group'");
            return null;
        }
        return new Concurrency(group, reader.flag(map.get("cancel-in-progress"),
                NodeReader.keyOf("cancel-in-progress", what)), map.range());
    }
}

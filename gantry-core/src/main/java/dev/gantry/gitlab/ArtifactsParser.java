package dev.gantry.gitlab;

import dev.gantry.model.Artifacts;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code artifacts:} ("CI/CD YAML syntax reference#artifacts" with {@code paths}, {@code exclude},
 * {@code expire_in}, {@code expose_as}, {@code name}, {@code public}, {@code access},
 * {@code reports}, {@code untracked}, {@code when}; "GitLab CI/CD artifacts reports types" for the
 * report types). A report names a path or a list of paths; {@code coverage_report} is a mapping
 * with {@code coverage_format} and {@code path}, kept under the key {@code coverage_report:<format>}.
 * {@code expire_in} is a duration or {@code never}.
 */
final class ArtifactsParser {

    private final Reader reader;

    ArtifactsParser(Reader reader) {
        this.reader = reader;
    }

    /** The artifacts, or null when not written or unusable. */
    Artifacts artifacts(YamlNode node, String where) {
        YamlMap m = reader.map(node, "artifacts");
        if (m == null) {
            return null;
        }
        reader.checkKeys(m, Keywords.ARTIFACTS, "artifacts of " + where);
        List<String> paths = reader.strings(m.get("paths"), "artifacts:paths", false);
        List<String> exclude = reader.strings(m.get("exclude"), "artifacts:exclude", false);
        String name = reader.string(m.get("name"), "artifacts:name");
        String when = reader.oneOf(m.get("when"), "artifacts:when", Keywords.UPLOAD_WHEN);
        String expireIn = reader.duration(m.get("expire_in"), "artifacts:expire_in", true);
        String exposeAs = reader.string(m.get("expose_as"), "artifacts:expose_as");
        Boolean untracked = reader.bool(m.get("untracked"), "artifacts:untracked");
        reader.bool(m.get("public"), "artifacts:public");
        reader.oneOf(m.get("access"), "artifacts:access", Keywords.ARTIFACTS_ACCESS);
        if (m.has("public") && m.has("access")) {
            reader.error(m.entry("access").key(), RuleIds.INVALID_VALUE,
                    "'artifacts:public' and 'artifacts:access' cannot be used together");
        }
        return new Artifacts(name, orEmpty(paths), orEmpty(exclude), untracked != null && untracked,
                when == null ? "on_success" : when, expireIn, exposeAs, reports(m.get("reports"), where), m.range());
    }

    private Map<String, List<String>> reports(YamlNode node, String where) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        YamlMap m = reader.map(node, "artifacts:reports");
        if (m == null) {
            return out;
        }
        reader.checkKeys(m, Keywords.REPORTS, "artifacts:reports of " + where);
        for (YamlMap.Entry e : m.entries()) {
            if (!Keywords.REPORTS.contains(e.name())) {
                continue;
            }
            if (e.name().equals("coverage_report")) {
                coverage(e.value(), out);
                continue;
            }
            List<String> paths = reader.strings(e.value(), "artifacts:reports:" + e.name(), true);
            if (paths != null) {
                out.put(e.name(), paths);
            }
        }
        return out;
    }

    private void coverage(YamlNode node, Map<String, List<String>> out) {
        YamlMap m = reader.map(node, "artifacts:reports:coverage_report");
        if (m == null) {
            return;
        }
        reader.checkKeys(m, Keywords.COVERAGE_REPORT, "artifacts:reports:coverage_report");
        String format = reader.oneOf(m.get("coverage_format"), "coverage_report:coverage_format",
                Keywords.COVERAGE_FORMAT);
        String path = reader.string(m.get("path"), "coverage_report:path");
        if (!m.has("coverage_format") || !m.has("path")) {
            reader.error(m, RuleIds.MISSING_KEY, "'coverage_report' needs 'coverage_format' and 'path'");
        }
        if (format != null && path != null) {
            out.put("coverage_report:" + format, List.of(path));
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}

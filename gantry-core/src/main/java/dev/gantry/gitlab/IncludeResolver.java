package dev.gantry.gitlab;

import dev.gantry.load.SourceFiles;
import dev.gantry.model.Rule;
import dev.gantry.yaml.YamlLoader;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code include:} ("CI/CD YAML syntax reference#include", "Use CI/CD configuration from
 * other files"): reads the included files, their own includes in turn, and deep-merges everything
 * into one configuration (see {@link YamlMerge}). Included files are merged first, in order, so a
 * later include wins over an earlier one and the including file wins over all it includes.
 *
 * <p>Forms: {@code include: 'file.yml'}, a list of strings and mappings, or one mapping. A string
 * is {@code local}, or {@code remote} when it starts with {@code http://} or {@code https://}.
 * Local paths are relative to the repository root (a leading {@code /} is optional) and must end in
 * {@code .yml} or {@code .yaml}. Wildcards follow "Use include:local with wildcard file paths":
 * {@code *} matches within one folder, {@code **} across folders, so {@code ci/*.yml} takes files
 * directly in {@code ci/}, {@code ci/**.yml} those in {@code ci/} and below, and
 * {@code ci/**}{@code /*.yml} only those in subfolders of {@code ci/}; no other character is special.
 *
 * <p>Offline: {@code remote}, {@code template}, {@code project} and {@code component} need the
 * network. Gantry looks for a copy the user placed in the repository under
 * {@value #VENDOR}{@code <kind>/...} ({@code remote/<host>/<path>}, {@code template/<name>},
 * {@code project/<group>/<project>/<file>} with the ref ignored, {@code component/<project>/<name>@<version>.yml}
 * without the host);
 * without one it reports {@value RuleIds#INCLUDE_REMOTE}. Such an include, and a missing local one,
 * mark the configuration incomplete, so that checks which the missing file could answer (unknown
 * templates, jobs, references, a pipeline without jobs) stay silent instead of piling up.
 *
 * <p>{@code include:rules} are checked and recorded per file, and an {@link IncludeFilter} decides
 * whether the entry is read at all ("Use rules with include": GitLab evaluates them before it fetches
 * the file). With {@link IncludeFilter#EVERY}, linting sees the union of all possible configurations,
 * and a file behind rules that is missing or only reachable over the network is a warning, since
 * GitLab fails the pipeline for it only when the rules take it in. {@code include:inputs} go to every file
 * that the entry names, and each file interpolates them into itself before its own includes are read
 * (see {@link FileInputs}).
 */
final class IncludeResolver {

    /** Where copies of network includes are looked for, relative to the repository root. */
    static final String VENDOR = ".gantry/includes/";
    /** "You can have up to 150 includes per pipeline by default, including nested." */
    static final int MAX_INCLUDES = 150;

    /**
     * The merged configuration.
     *
     * @param config   every file's content merged, without {@code include} keys
     * @param files    the included files in load order
     * @param rules    the {@code include:rules} that brought a file in, by file (only conditional ones)
     * @param complete false when an include could not be read (missing, or only reachable over the network)
     */
    record Result(YamlMap config, List<String> files, Map<String, List<Rule>> rules, boolean complete) {
    }

    private final SourceFiles sources;
    private final Reader reader;
    private final List<String> files = new ArrayList<>();
    private final Map<String, List<Rule>> rules = new LinkedHashMap<>();
    private final IncludeFilter filter;
    private boolean complete = true;
    private int count;
    /** Whether the entry being read has rules under {@link IncludeFilter#EVERY}: its absence is a warning. */
    private boolean conditional;

    IncludeResolver(SourceFiles sources, Reader reader, IncludeFilter filter) {
        this.sources = sources;
        this.reader = reader;
        this.filter = filter;
    }

    /**
     * Merges the entry file with everything it includes.
     *
     * @param root the entry file's configuration, its inputs already interpolated
     */
    Result resolve(String file, YamlMap root) {
        Deque<String> stack = new ArrayDeque<>();
        stack.push(normal(file));
        YamlMap config = expand(root, stack);
        return new Result(config, files, rules, complete);
    }

    private YamlMap expand(YamlMap map, Deque<String> stack) {
        YamlMap.Entry include = map.entry("include");
        YamlMap own = YamlMerge.without(map, "include");
        if (include == null || Reader.absent(include.value())) {
            return own;
        }
        YamlMap base = null;
        for (YamlNode item : items(include.value())) {
            List<Rule> conditions = null;
            YamlMap.Entry inputs = null;
            if (item instanceof YamlMap m) {
                if (m.has("rules")) {
                    conditions = new RulesParser(reader).rules(m.get("rules"), RulesParser.Kind.INCLUDE, "include");
                }
                inputs = m.entry("inputs");
            }
            if (conditions != null && !conditions.isEmpty() && !filter.includes(conditions)) {
                continue;
            }
            conditional = conditions != null && filter == IncludeFilter.EVERY;
            List<Target> targets = targets(item);
            conditional = false;
            if (conditions != null && targets.isEmpty()) {
                // Recorded under the path as written, so that a run re-reads the configuration with its facts.
                rules.putIfAbsent(written(item), conditions);
            }
            for (Target target : targets) {
                YamlMap content = load(target, inputs, stack);
                if (content == null) {
                    continue;
                }
                if (conditions != null) {
                    rules.putIfAbsent(target.path(), conditions);
                }
                base = base == null ? content : YamlMerge.deep(base, content);
            }
        }
        return base == null ? own : YamlMerge.deep(base, own);
    }

    /** The file an entry names, as written (for an entry whose file could not be read). */
    private static String written(YamlNode item) {
        if (item instanceof YamlMap m) {
            for (String key : List.of("local", "remote", "template", "component", "project")) {
                if (m.get(key) instanceof YamlScalar s) {
                    return s.value();
                }
            }
        }
        return item instanceof YamlScalar s ? s.value() : "include";
    }

    /** Not finding an included file: an error, or a warning for a file behind rules under {@link IncludeFilter#EVERY}. */
    private void unavailable(YamlNode at, String rule, String message) {
        if (conditional) {
            reader.warning(at, rule, message + "; GitLab fails the pipeline for it only when its rules include it");
        } else {
            reader.error(at, rule, message);
        }
    }

    /** A file to include and the node that asked for it (where problems are reported). */
    private record Target(String path, YamlNode at) {
    }

    private List<YamlNode> items(YamlNode value) {
        if (value instanceof YamlSeq seq) {
            return seq.items();
        }
        if (value instanceof YamlScalar || value instanceof YamlMap) {
            return List.of(value);
        }
        reader.wrongType(value, "include", "a string, a mapping or a sequence");
        return List.of();
    }

    private List<Target> targets(YamlNode item) {
        if (item instanceof YamlScalar s && PsychScalar.isString(s)) {
            return s.value().startsWith("http://") || s.value().startsWith("https://")
                    ? network(s, "remote", remote(s.value())) : local(s.value(), s);
        }
        if (!(item instanceof YamlMap m)) {
            reader.wrongType(item, "include", "a file path or a mapping");
            return List.of();
        }
        reader.checkKeys(m, Keywords.INCLUDE, "include");
        if (m.has("local")) {
            String path = reader.string(m.get("local"), "include:local");
            return path == null ? List.of() : local(path, m.get("local"));
        }
        if (m.has("remote")) {
            String url = reader.string(m.get("remote"), "include:remote");
            return url == null ? List.of() : network(m.get("remote"), "remote", remote(url));
        }
        if (m.has("template")) {
            String name = reader.string(m.get("template"), "include:template");
            return name == null ? List.of() : network(m.get("template"), "template", VENDOR + "template/" + strip(name));
        }
        if (m.has("component")) {
            String address = reader.string(m.get("component"), "include:component");
            return address == null ? List.of()
                    : network(m.get("component"), "component", VENDOR + "component/" + withoutHost(address) + ".yml");
        }
        if (m.has("project")) {
            return project(m);
        }
        reader.error(m, RuleIds.MISSING_KEY, "an include needs one of 'local', 'remote', 'template', 'project'"
                + " or 'component'");
        return List.of();
    }

    private List<Target> project(YamlMap m) {
        String project = reader.string(m.get("project"), "include:project");
        List<String> paths = reader.strings(m.get("file"), "include:file", true);
        reader.string(m.get("ref"), "include:ref");
        if (paths == null) {
            if (!m.has("file")) {
                reader.error(m, RuleIds.MISSING_KEY, "'include:project' needs 'file'");
            }
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        for (String path : paths) {
            if (project != null) {
                out.addAll(network(m.get("project"), "project", VENDOR + "project/" + strip(project) + "/" + strip(path)));
            }
        }
        return out;
    }

    private List<Target> local(String written, YamlNode at) {
        String path = written;
        if (written.contains("$")) {
            path = filter.path(written);
            if (path == null) {
                reader.warning(at, RuleIds.INCLUDE_VARIABLE, "include path '" + written
                        + "' uses CI/CD variables, which are only known when a pipeline runs; it is not read");
                complete = false;
                // Recorded as written and unconditional, so that a run re-reads the configuration with its variables.
                rules.putIfAbsent(written, List.of());
                return List.of();
            }
        }
        String normal = strip(path);
        String shown = written.equals(path) ? "'" + path + "'" : "'" + written + "' ('" + path + "' here)";
        if (!normal.endsWith(".yml") && !normal.endsWith(".yaml")) {
            reader.error(at, RuleIds.INCLUDE_INVALID, "an included file must end in .yml or .yaml: " + shown);
            return List.of();
        }
        if (!normal.contains("*")) {
            if (sources.read(normal).isEmpty()) {
                unavailable(at, RuleIds.INCLUDE_MISSING, "local include " + shown + " does not exist");
                complete = false;
                return List.of();
            }
            return List.of(new Target(normal, at));
        }
        List<String> matches = sources.glob(escapeGlob(normal));
        if (matches.isEmpty()) {
            unavailable(at, RuleIds.INCLUDE_MISSING, "no file matches the local include " + shown);
            complete = false;
        }
        return matches.stream().map(p -> new Target(p, at)).toList();
    }

    private List<Target> network(YamlNode at, String kind, String vendored) {
        if (sources.read(vendored).isPresent()) {
            return List.of(new Target(vendored, at));
        }
        complete = false;
        String what = at instanceof YamlScalar s ? s.value() : kind;
        unavailable(at, RuleIds.INCLUDE_REMOTE, "include:" + kind + " '" + what
                + "' needs network access; not available offline (place a copy at " + vendored + " to use it)");
        return List.of();
    }

    /** The file's configuration with its inputs interpolated and its own includes merged in, or null. */
    private YamlMap load(Target target, YamlMap.Entry inputs, Deque<String> stack) {
        if (stack.contains(target.path())) {
            List<String> chain = new ArrayList<>(stack);
            java.util.Collections.reverse(chain);
            chain.add(target.path());
            reader.error(target.at(), RuleIds.INCLUDE_CYCLE, "include cycle: " + String.join(" -> ",
                    chain.subList(chain.indexOf(target.path()), chain.size())));
            return null;
        }
        if (++count > MAX_INCLUDES) {
            if (count == MAX_INCLUDES + 1) {
                reader.error(target.at(), RuleIds.INCLUDE_LIMIT, "more than " + MAX_INCLUDES
                        + " included files; GitLab stops at " + MAX_INCLUDES);
            }
            return null;
        }
        Optional<String> text = sources.read(target.path());
        if (text.isEmpty()) {
            reader.error(target.at(), RuleIds.INCLUDE_MISSING, "included file '" + target.path() + "' cannot be read");
            return null;
        }
        files.add(target.path());
        List<YamlNode> documents = YamlLoader.loadAll(target.path(), text.get(), reader.diagnostics(),
                YamlLoader.DuplicateKeys.LAST_WINS);
        if (documents.isEmpty()) {
            return null;
        }
        YamlNode config = new FileInputs(reader).configuration(target.path(), documents, inputs, target.at());
        if (Reader.absent(config)) {
            return null; // an empty configuration, for example a header and '---' alone
        }
        if (!(config instanceof YamlMap map)) {
            reader.error(config, RuleIds.INCLUDE_INVALID, "an included file must be a mapping, not "
                    + config.describe());
            return null;
        }
        stack.push(target.path());
        YamlMap expanded = expand(map, stack);
        stack.pop();
        return expanded;
    }

    private static String remote(String url) {
        return VENDOR + "remote/" + strip(url.replaceFirst("^https?://", ""));
    }

    /** A component address without its first segment, the host (often {@code $CI_SERVER_FQDN}). */
    private static String withoutHost(String address) {
        String a = strip(address);
        int slash = a.indexOf('/');
        return slash < 0 ? a : a.substring(slash + 1);
    }

    private static String strip(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static String normal(String file) {
        return strip(file.replace('\\', '/'));
    }

    /** GitLab's wildcards are only {@code *} and {@code **}; every other glob character is literal. */
    static String escapeGlob(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if ("?[]{}\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

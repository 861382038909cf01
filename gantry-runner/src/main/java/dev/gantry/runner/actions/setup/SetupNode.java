package dev.gantry.runner.actions.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.ActionVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * actions/setup-node (github.com/actions/setup-node, README, docs/advanced-usage.md and action.yml):
 * chooses an installed Node.js ({@link NodeToolchains}) for {@code node-version} or
 * {@code node-version-file} ({@code .nvmrc}, {@code .node-version}, {@code .tool-versions},
 * {@code package.json}'s {@code volta.node}, {@code devEngines.runtime.version} or
 * {@code engines.node}); versions, ranges and aliases ({@code lts/*}, {@code lts/iron},
 * {@code lts/-1}, {@code node}, {@code latest}). Without either input the {@code node} on PATH is
 * used, as the original does. Puts it on PATH; output {@code node-version} ({@code v20.11.1}).
 * {@code registry-url} (and {@code scope}) write an {@code .npmrc} in RUNNER_TEMP and export
 * {@code NPM_CONFIG_USERCONFIG} and a placeholder {@code NODE_AUTH_TOKEN}, as the original does.
 * {@code cache: npm|yarn|pnpm} caches the package manager's cache folder under
 * {@code node-cache-<platform>-<arch>-<manager>-<hash of the lock file>}; outputs {@code cache-hit},
 * {@code cache-primary-key} and {@code cache-matched-key}. From v5 on, without {@code cache}, npm is
 * cached when {@code package.json} names it as the package manager, unless
 * {@code package-manager-cache: false}.
 */
public final class SetupNode implements CachingSetupAction {

    /** The LTS lines by codename (nodejs.org release schedule); LTS lines are the even majors from 4 on. */
    static final Map<String, Integer> LTS_CODENAMES = Map.ofEntries(Map.entry("argon", 4), Map.entry("boron", 6),
            Map.entry("carbon", 8), Map.entry("dubnium", 10), Map.entry("erbium", 12), Map.entry("fermium", 14),
            Map.entry("gallium", 16), Map.entry("hydrogen", 18), Map.entry("iron", 20), Map.entry("jod", 22),
            Map.entry("krypton", 24));

    private static final Pattern NPM = Pattern.compile("\\^?npm(@.*)?");

    private final CommandProbe probe;
    private final int major;

    /** setup-node at its newest major version. */
    public SetupNode(CommandProbe probe) {
        this(probe, ActionVersion.LATEST);
    }

    /** @param major the major version the workflow names (see {@link ActionVersion}) */
    public SetupNode(CommandProbe probe, int major) {
        this.probe = probe;
        this.major = major;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String version = in.string("node-version", "");
            String file = in.string("node-version-file", "");
            if (version.isEmpty() && !file.isEmpty()) {
                version = versionFromFile(SetupSupport.readVersionFile(context, "node-version-file", file), file);
            }
            if (version.isEmpty() && !in.string("architecture", "").isEmpty()) {
                // src/main.ts: the node on PATH is used as it is, whatever the architecture
                context.warning("`architecture` is provided but `node-version` is missing. In this configuration, the"
                        + " version/architecture of Node will not be changed. To fix this, provide `architecture` in"
                        + " combination with `node-version`");
            }
            String arch = in.string("architecture", Toolchains.machineArch());
            Toolchains where = new Toolchains(context.env(), context.toolCache(), context.workspace(), probe, arch);
            List<Toolchain> installed = NodeToolchains.find(where);
            Optional<Toolchain> node;
            if (version.isEmpty()) {
                context.log("No node-version or node-version-file given: the node on PATH is used");
                node = where.onPath("node").isEmpty() ? Optional.empty() : installed.stream()
                        .filter(t -> t.executable().equals(realOrSelf(where.onPath("node").getFirst()))).findFirst();
            } else {
                node = pick(installed, version);
            }
            if (node.isEmpty()) {
                return ActionResult.failure(Toolchains.notInstalled("Node.js", version.isEmpty() ? "on PATH" : version,
                        installed, context.toolCache().resolve("node/<version>/" + arch).toString()));
            }
            SetupSupport.addToPath(context, node.get());
            context.setOutput("node-version", "v" + node.get().version().text());
            context.log("Found in cache @ " + node.get().home());
            String registry = in.string("registry-url", "");
            if (!registry.isEmpty()) {
                writeNpmrc(context, registry, in.string("scope", ""), in.bool("always-auth", false));
            }
            String cache = in.string("cache", "");
            if (cache.isEmpty() && major >= 5 && in.string("package-manager-cache", "true").equalsIgnoreCase("true")
                    && npmIsThePackageManager(context.workspace().resolve("package.json"))) {
                context.log("Detected npm as the package manager from package.json's packageManager field."
                        + " Auto caching has been enabled for npm. If you want to disable it, set"
                        + " package-manager-cache input to false");
                cache = "npm";
            }
            if (!cache.isEmpty()) {
                restoreCache(context, in, cache, node.get());
            }
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("setup-node: " + e.getMessage());
        }
    }

    /** The newest installation the version, range or alias allows. */
    static Optional<Toolchain> pick(List<Toolchain> installed, String version) throws InputError {
        String v = version.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("lts/")) {
            String which = v.substring(4);
            TreeSet<Integer> lines = new TreeSet<>(Comparator.reverseOrder());
            installed.forEach(t -> {
                if (t.version().major() >= 4 && t.version().major() % 2 == 0) {
                    lines.add(t.version().major());
                }
            });
            Integer major;
            if (which.equals("*")) {
                major = lines.isEmpty() ? null : lines.first();
            } else if (which.matches("-\\d+")) {
                int back = Integer.parseInt(which.substring(1));
                major = lines.size() > back ? new ArrayList<>(lines).get(back) : null;
            } else {
                major = LTS_CODENAMES.get(which);
                if (major == null) {
                    throw new InputError("Unable to find LTS release '" + which + "' for Node version '" + version + "'.");
                }
            }
            return major == null ? Optional.empty() : Toolchains.pick(installed, SetupSupport.spec(major.toString(), "Node.js"),
                    false);
        }
        return Toolchains.pick(installed, SetupSupport.spec(version, "Node.js"), false);
    }

    /**
     * True when {@code package.json} names npm in {@code devEngines.packageManager} (an object or an
     * array of them) or in {@code packageManager} ({@code npm}, {@code npm@10}, {@code ^npm@10}):
     * README, "Caching global packages data", automatic caching from v5 on.
     */
    static boolean npmIsThePackageManager(Path packageJson) {
        try {
            JsonNode json = new ObjectMapper().readTree(packageJson.toFile());
            JsonNode dev = json.path("devEngines").path("packageManager");
            for (JsonNode manager : dev.isArray() ? dev : List.of(dev)) {
                if (NPM.matcher(manager.path("name").asText("")).matches()) {
                    return true;
                }
            }
            return NPM.matcher(json.path("packageManager").asText("")).matches();
        } catch (IOException | RuntimeException e) {
            return false; // no package.json, or not JSON: no automatic cache, as in the original
        }
    }

    /** The version a version file names. */
    static String versionFromFile(String content, String file) throws InputError {
        String name = file.replaceFirst(".*/", "");
        if (name.equals("package.json")) {
            try {
                JsonNode json = new ObjectMapper().readTree(content);
                for (String[] path : new String[][] {{"volta", "node"}, {"devEngines", "runtime", "version"},
                        {"engines", "node"}}) {
                    JsonNode n = json;
                    for (String key : path) {
                        n = n == null ? null : n.get(key);
                    }
                    if (n != null && n.isTextual() && !n.asText().isBlank()) {
                        return n.asText().strip();
                    }
                }
            } catch (IOException e) {
                throw new InputError("The node-version-file " + file + " is not valid JSON: " + e.getMessage());
            }
            throw new InputError("No node version was found in " + file);
        }
        for (String line : content.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (name.equals(".tool-versions")) {
                if (l.startsWith("nodejs ") || l.startsWith("node ")) {
                    return l.replaceFirst("^\\S+\\s+", "").split("\\s+")[0];
                }
                continue;
            }
            return l.replaceFirst("^v(?=\\d)", "");
        }
        throw new InputError("No node version was found in " + file);
    }

    private void restoreCache(ActionContext context, ActionInputs in, String manager, Toolchain node)
            throws InputError, IOException {
        List<String> lockFiles = switch (manager) {
            case "npm" -> List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock");
            case "yarn" -> List.of("yarn.lock");
            case "pnpm" -> List.of("pnpm-lock.yaml");
            default -> throw new InputError("Caching for '" + manager + "' is not supported");
        };
        List<String> patterns = in.lines("cache-dependency-path");
        if (patterns.isEmpty()) {
            patterns = lockFiles.stream().filter(f -> Files.exists(context.workspace().resolve(f))).limit(1).toList();
        }
        String hash = patterns.isEmpty() ? "" : DependencyCache.hashFiles(context.workspace(), patterns);
        if (hash.isEmpty()) {
            throw new InputError("Dependencies lock file is not found in " + context.workspace()
                    + ". Supported file patterns: " + String.join(",", lockFiles));
        }
        Map<String, String> env = new java.util.LinkedHashMap<>(context.env());
        env.put("PATH", node.bin() + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        String home = ActionInputs.home(context.env()).toString();
        String folder = switch (manager) {
            case "npm" -> probe.run(List.of("npm", "config", "get", "cache"), env, context.workspace())
                    .orElse(home + "/.npm");
            case "pnpm" -> probe.run(List.of("pnpm", "store", "path", "--silent"), env, context.workspace())
                    .orElse(home + "/.local/share/pnpm/store");
            default -> probe.run(List.of("yarn", "--version"), env, context.workspace())
                    .filter(v -> !v.startsWith("1."))
                    .flatMap(v -> probe.run(List.of("yarn", "config", "get", "cacheFolder"), env, context.workspace()))
                    .or(() -> probe.run(List.of("yarn", "cache", "dir"), env, context.workspace()))
                    .orElse(home + "/.cache/yarn");
        };
        String key = "node-cache-" + SetupSupport.runnerOs(context).toLowerCase(Locale.ROOT) + "-"
                + Toolchains.machineArch() + "-" + manager + "-" + hash;
        // README, "Outputs" (action.yml): the key computed and the key restored ("" when none).
        context.setOutput("cache-primary-key", key);
        Optional<String> matched = DependencyCache.restore(context, key,
                List.of(folder.lines().reduce((a, b) -> b).orElse(folder)));
        context.setOutput("cache-matched-key", matched.orElse(""));
    }

    private static void writeNpmrc(ActionContext context, String registry, String scope, boolean alwaysAuth)
            throws IOException {
        String url = registry.endsWith("/") ? registry : registry + "/";
        String host = url.replaceFirst("^https?:", "");
        StringBuilder npmrc = new StringBuilder();
        npmrc.append(host).append(":_authToken=${NODE_AUTH_TOKEN}\n");
        npmrc.append(scope.isEmpty() ? "" : (scope.startsWith("@") ? scope : "@" + scope).toLowerCase(Locale.ROOT)
                + ":").append("registry=").append(url).append('\n');
        if (alwaysAuth) {
            npmrc.append("always-auth=true\n");
        }
        Path file = context.temp().resolve(".npmrc");
        Files.writeString(file, npmrc);
        context.exportVariable("NPM_CONFIG_USERCONFIG", file.toString());
        context.exportVariable("NODE_AUTH_TOKEN", context.env().getOrDefault("NODE_AUTH_TOKEN", "XXXXX-XXXXX-XXXXX-XXXXX"));
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}

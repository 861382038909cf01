package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.ActionVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * actions/setup-go (github.com/actions/setup-go, README and action.yml): chooses an installed Go
 * ({@link GoToolchains}) for {@code go-version} or {@code go-version-file} ({@code go.mod} and
 * {@code go.work}: the {@code toolchain} line, else the {@code go} line; {@code .go-version};
 * {@code .tool-versions}); puts its {@code bin} and GOPATH's {@code bin} on PATH; output
 * {@code go-version}. {@code cache} is on by default, as in the original: the module and build
 * caches ({@code go env GOMODCACHE GOCACHE}) under {@code setup-go-<platform>-<arch>-go-<version>-<hash>},
 * the hash of {@code cache-dependency-path}, by default {@code go.mod} from v6 on ("Breaking changes
 * in V6") and {@code go.sum} before; a missing file is a warning, not a failure; output
 * {@code cache-hit}. From v6 on, {@code GOTOOLCHAIN=local} is exported (src/main.ts, so that
 * {@code go} commands keep the chosen version instead of downloading the one {@code go.mod} names).
 */
public final class SetupGo implements CachingSetupAction {

    private static final Pattern TOOLCHAIN = Pattern.compile("(?m)^toolchain\\s+go(\\S+)");
    private static final Pattern GO_LINE = Pattern.compile("(?m)^go\\s+(\\d\\S*)");

    private final CommandProbe probe;
    private final int major;

    /** setup-go at its newest major version. */
    public SetupGo(CommandProbe probe) {
        this(probe, ActionVersion.LATEST);
    }

    /** @param major the major version the workflow names (see {@link ActionVersion}) */
    public SetupGo(CommandProbe probe, int major) {
        this.probe = probe;
        this.major = major;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String version = in.string("go-version", "");
            String file = in.string("go-version-file", "");
            if (version.isEmpty() && !file.isEmpty()) {
                version = versionFromFile(SetupSupport.readVersionFile(context, "go-version-file", file), file);
            }
            String arch = in.string("architecture", Toolchains.machineArch());
            Toolchains where = new Toolchains(context.env(), context.toolCache(), context.workspace(), probe, arch);
            List<Toolchain> installed = GoToolchains.find(where);
            Optional<Toolchain> go = version.isEmpty() ? preInstalled(context, where, installed)
                    : Toolchains.pick(installed, SetupSupport.spec(version, "Go"), false);
            if (go.isEmpty()) {
                return ActionResult.failure(Toolchains.notInstalled("Go", version.isEmpty() ? "any" : version, installed,
                        context.toolCache().resolve("go/<version>/" + arch).toString()));
            }
            if (major >= 6) {
                context.exportVariable("GOTOOLCHAIN", "local");
            }
            Map<String, String> env = withGo(context, go.get());
            if (major >= 6) {
                env.put("GOTOOLCHAIN", "local");
            }
            probe.run(List.of(go.get().executable().toString(), "env", "GOPATH"), env, context.workspace())
                    .ifPresent(gopath -> context.addPath(gopath + "/bin"));
            SetupSupport.addToPath(context, go.get());
            context.setOutput("go-version", go.get().version().text());
            context.log("Successfully set up Go version " + go.get().version().text() + " at " + go.get().home());
            if (in.bool("cache", true)) {
                restoreCache(context, in, go.get(), env);
            }
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("setup-go: the cache could not be restored: " + e.getMessage());
        }
    }

    /**
     * Without {@code go-version} and {@code go-version-file} the original uses the pre-installed go,
     * the one on PATH, logging that it does (src/main.ts; the README's "Usage" makes both inputs
     * optional); here, when PATH has none, the newest installed.
     */
    private static Optional<Toolchain> preInstalled(ActionContext context, Toolchains where, List<Toolchain> installed) {
        context.log("go-version input was not specified. The action will try to use pre-installed version.");
        for (Path onPath : where.onPath("go")) {
            try {
                Path real = onPath.toRealPath();
                for (Toolchain t : installed) {
                    if (t.executable().toRealPath().equals(real)) {
                        return Optional.of(t);
                    }
                }
            } catch (IOException e) {
                // a broken link: not this one
            }
        }
        return installed.stream().findFirst();
    }

    static String versionFromFile(String content, String file) throws InputError {
        String name = file.replaceFirst(".*/", "");
        if (name.equals("go.mod") || name.equals("go.work")) {
            Matcher toolchain = TOOLCHAIN.matcher(content);
            if (toolchain.find()) {
                return toolchain.group(1);
            }
            Matcher go = GO_LINE.matcher(content);
            if (go.find()) {
                return go.group(1);
            }
        } else if (name.equals(".tool-versions")) {
            Matcher m = Pattern.compile("(?m)^golang\\s+(\\S+)").matcher(content);
            if (m.find()) {
                return m.group(1);
            }
        } else if (!content.isBlank()) {
            return content.strip().lines().findFirst().orElse("").replaceFirst("^go", "");
        }
        throw new InputError("No Go version was found in " + file);
    }

    private void restoreCache(ActionContext context, ActionInputs in, Toolchain go, Map<String, String> env)
            throws InputError, IOException {
        List<String> patterns = in.lines("cache-dependency-path");
        // README, "Breaking changes in V6": the key hashes go.mod by default, go.sum before.
        String dependencyFile = major >= 6 ? "go.mod" : "go.sum";
        List<String> hashed = patterns.isEmpty() ? List.of(dependencyFile) : patterns;
        String hash = DependencyCache.hashFiles(context.workspace(), hashed);
        if (hash.isEmpty()) {
            context.warning("Restore cache failed: Dependencies file is not found in " + context.workspace()
                    + ". Supported file pattern: " + dependencyFile);
            return;
        }
        List<String> paths = new ArrayList<>();
        for (String variable : List.of("GOMODCACHE", "GOCACHE")) {
            probe.run(List.of(go.executable().toString(), "env", variable), env, context.workspace())
                    .ifPresent(paths::add);
        }
        if (paths.isEmpty()) {
            context.warning("Restore cache failed: go env did not name GOMODCACHE or GOCACHE");
            return;
        }
        String key = "setup-go-" + SetupSupport.runnerOs(context).toLowerCase(Locale.ROOT) + "-"
                + Toolchains.machineArch() + "-go-" + go.version().text() + "-" + hash;
        DependencyCache.restore(context, key, paths);
    }

    private static Map<String, String> withGo(ActionContext context, Toolchain go) {
        Map<String, String> env = new java.util.LinkedHashMap<>(context.env());
        env.put("PATH", go.bin() + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("GOROOT", go.home().toString());
        return env;
    }
}

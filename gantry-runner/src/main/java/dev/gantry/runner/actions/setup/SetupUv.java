package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * astral-sh/setup-uv (github.com/astral-sh/setup-uv, README and action.yml): chooses an installed uv
 * ({@link UvToolchains}) for {@code version} ({@code latest} by default, or a version or range) or
 * {@code version-file} ({@code uv.toml} or {@code pyproject.toml}: {@code required-version}); puts it
 * on PATH; outputs {@code uv-version}, {@code uv-path}, {@code uvx-path}. {@code python-version}
 * exports {@code UV_PYTHON}; {@code activate-environment} creates {@code venv-path} (default {@code .venv} in
 * {@code working-directory} with {@code uv venv} and activates it ({@code VIRTUAL_ENV}, PATH);
 * {@code tool-dir} and {@code tool-bin-dir} export {@code UV_TOOL_DIR} and {@code UV_TOOL_BIN_DIR}.
 * {@code enable-cache}: {@code auto} (the default) means "on GitHub-hosted runners", so off here;
 * {@code true} caches {@code UV_CACHE_DIR} ({@code cache-local-path}, else RUNNER_TEMP/setup-uv-cache)
 * under {@code setup-uv-1-<platform>-<arch>-<hash of cache-dependency-glob><cache-suffix>};
 * outputs {@code cache-key} and {@code cache-hit}; {@code restore-cache: false} and
 * {@code save-cache: false} skip either half. Output {@code python-version}: the input, else the
 * version of the Python uv finds, else {@code unknown}.
 */
public final class SetupUv implements CachingSetupAction {

    static final List<String> DEFAULT_DEPENDENCY_GLOB = List.of("**/*requirements*.txt", "**/*requirements*.in",
            "**/*constraints*.txt", "**/*constraints*.in", "**/pyproject.toml", "**/uv.lock");
    private static final Pattern REQUIRED_VERSION = Pattern.compile("(?m)^\\s*required-version\\s*=\\s*\"([^\"]+)\"");

    private final CommandProbe probe;

    public SetupUv(CommandProbe probe) {
        this.probe = probe;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            String version = in.string("version", "");
            String file = in.string("version-file", "");
            if (version.isEmpty() && !file.isEmpty()) {
                Matcher m = REQUIRED_VERSION.matcher(SetupSupport.readVersionFile(context, "version-file", file));
                if (m.find()) {
                    version = m.group(1);
                }
            }
            if (version.isEmpty()) {
                version = "latest";
            }
            Toolchains where = new Toolchains(context.env(), context.toolCache(), context.workspace(), probe,
                    Toolchains.machineArch());
            List<Toolchain> installed = UvToolchains.find(where);
            Optional<Toolchain> uv = Toolchains.pick(installed, SetupSupport.spec(version, "uv"), false);
            if (uv.isEmpty()) {
                return ActionResult.failure(Toolchains.notInstalled("uv", version, installed,
                        context.toolCache().resolve("uv/<version>/" + Toolchains.machineArch()).toString()));
            }
            SetupSupport.addToPath(context, uv.get());
            context.setOutput("uv-version", uv.get().version().text());
            context.setOutput("uv-path", uv.get().executable().toString());
            context.setOutput("uvx-path", uv.get().bin().resolve("uvx").toString());
            context.log("Successfully set up uv " + uv.get().version().text() + " at " + uv.get().executable());
            String python = in.string("python-version", "");
            if (!python.isEmpty()) {
                context.exportVariable("UV_PYTHON", python);
            }
            exportIfGiven(context, in, "tool-dir", "UV_TOOL_DIR");
            exportIfGiven(context, in, "tool-bin-dir", "UV_TOOL_BIN_DIR");
            boolean activate = in.bool("activate-environment", false);
            if (!in.string("venv-path", "").isEmpty() && !activate) {
                context.warning("venv-path is only used when activate-environment is true");
            }
            if (activate) {
                activate(context, in, uv.get(), python);
            }
            context.setOutput("python-version", python.isEmpty() ? pythonVersion(context, in, uv.get()) : python);
            String enable = in.string("enable-cache", "auto").toLowerCase(Locale.ROOT);
            if (enable.equals("true")) {
                restoreCache(context, in);
            } else {
                context.debug("setup-uv: enable-cache is '" + enable + "': no cache (auto means GitHub-hosted runners only)");
            }
            return ActionResult.success();
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("setup-uv: the cache could not be restored: " + e.getMessage());
        }
    }

    /**
     * {@code activate-environment} (README, "Activate environment"): {@code uv venv} at
     * {@code venv-path} ({@code ~} expanded, relative to {@code working-directory}; default
     * {@code .venv} there), with {@code --clear} and, for {@code no-project: true}, {@code --no-project}.
     */
    private void activate(ActionContext context, ActionInputs in, Toolchain uv, String python) throws InputError {
        Path dir = workingDirectory(context, in);
        Path venv = dir.resolve(ActionInputs.expandHome(in.string("venv-path", ".venv"), context.env())).normalize();
        List<String> argv = new java.util.ArrayList<>(List.of(uv.executable().toString(), "venv", venv.toString(),
                "--directory", dir.toString(), "--clear"));
        if (in.bool("no-project", false)) {
            argv.add("--no-project");
        }
        if (!python.isEmpty()) {
            argv.addAll(List.of("--python", python));
        }
        if (probe.run(argv, context.env(), dir).isEmpty() && !java.nio.file.Files.isDirectory(venv)) {
            throw new InputError("setup-uv: 'uv venv' could not create " + venv);
        }
        context.exportVariable("VIRTUAL_ENV", venv.toString());
        context.addPath(venv.resolve("bin").toString());
        context.setOutput("venv", venv.toString());
    }

    private static Path workingDirectory(ActionContext context, ActionInputs in) {
        return context.workspace().resolve(in.string("working-directory", ".")).normalize();
    }

    /**
     * The {@code python-version} output without the input (README, "Outputs"): the version of the
     * Python {@code uv python find} names for {@code working-directory}, else {@code unknown}.
     */
    private String pythonVersion(ActionContext context, ActionInputs in, Toolchain uv) {
        Path dir = workingDirectory(context, in);
        return probe.run(List.of(uv.executable().toString(), "python", "find", "--directory", dir.toString()),
                        context.env(), dir)
                .flatMap(python -> probe.run(List.of(python.strip(), "--version"), context.env(), dir))
                .map(v -> v.strip().replaceFirst("^Python\\s+", ""))
                .filter(v -> !v.isEmpty())
                .orElse("unknown");
    }

    private static void exportIfGiven(ActionContext context, ActionInputs in, String input, String variable) {
        String value = in.string(input, "");
        if (!value.isEmpty()) {
            context.exportVariable(variable, context.workspace().resolve(ActionInputs.expandHome(value, context.env()))
                    .normalize().toString());
        }
    }

    private void restoreCache(ActionContext context, ActionInputs in) throws InputError, IOException {
        String local = in.string("cache-local-path", "");
        String cacheDir = local.isEmpty() ? context.temp().resolve("setup-uv-cache").toString()
                : context.workspace().resolve(ActionInputs.expandHome(local, context.env())).normalize().toString();
        context.exportVariable("UV_CACHE_DIR", cacheDir);
        List<String> globs = in.lines("cache-dependency-glob");
        String hash = DependencyCache.hashFiles(context.workspace(), globs.isEmpty() ? DEFAULT_DEPENDENCY_GLOB : globs);
        String key = "setup-uv-1-" + SetupSupport.runnerOs(context).toLowerCase(Locale.ROOT) + "-"
                + Toolchains.machineArch() + "-" + (hash.isEmpty() ? "no-dependency-glob" : hash)
                + in.string("cache-suffix", "");
        context.setOutput("cache-key", key);
        if (!in.bool("restore-cache", true)) {
            context.log("restore-cache is false. Skipping restore cache step.");
            context.saveState(DependencyCache.STATE_PRIMARY_KEY, key);
            context.saveState(DependencyCache.STATE_PATHS, cacheDir);
        } else {
            DependencyCache.restore(context, key, List.of(cacheDir));
        }
        if (!in.bool("save-cache", true)) {
            context.saveState(DependencyCache.STATE_PRIMARY_KEY, ""); // the post step then saves nothing
        }
    }
}

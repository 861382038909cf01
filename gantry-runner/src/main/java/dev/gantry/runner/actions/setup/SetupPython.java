package dev.gantry.runner.actions.setup;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionInputs;
import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.ActionResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * actions/setup-python (github.com/actions/setup-python, README, docs/advanced-usage.md and
 * action.yml): chooses an installed Python ({@link PythonToolchains}) for {@code python-version} (a
 * version or range, one per line for several: the last becomes the default) or
 * {@code python-version-file} ({@code .python-version} by default when neither is given and it
 * exists, {@code .tool-versions}); without any, the {@code python3} on PATH, as the original does.
 * With {@code update-environment} (default), puts it on PATH and exports {@code pythonLocation},
 * {@code PKG_CONFIG_PATH}, {@code Python_ROOT_DIR}, {@code Python2_ROOT_DIR},
 * {@code Python3_ROOT_DIR} and {@code LD_LIBRARY_PATH}. Outputs {@code python-version},
 * {@code python-path} ({@code bin/python} of the installation when it exists) and, with
 * {@code cache: pip|pipenv|poetry}, {@code cache-hit}. PyPy, GraalPy and free-threaded builds are
 * not looked for. {@code pip-version} and {@code pip-install} run pip in the chosen Python
 * ({@link PipInstall}).
 */
public final class SetupPython implements CachingSetupAction {

    private final CommandProbe probe;

    public SetupPython(CommandProbe probe) {
        this.probe = probe;
    }

    @Override
    public ActionResult main(ActionContext context) {
        ActionInputs in = new ActionInputs(context);
        try {
            List<String> versions = in.lines("python-version");
            String file = in.string("python-version-file", "");
            if (versions.isEmpty()) {
                if (file.isEmpty() && Files.exists(context.workspace().resolve(".python-version"))) {
                    file = ".python-version";
                }
                if (!file.isEmpty()) {
                    versions = versionsFromFile(SetupSupport.readVersionFile(context, "python-version-file", file), file);
                }
            }
            String arch = in.string("architecture", Toolchains.machineArch());
            boolean prereleases = in.bool("allow-prereleases", false);
            Toolchains where = new Toolchains(context.env(), context.toolCache(), context.workspace(), probe, arch);
            List<Toolchain> chosen = new ArrayList<>();
            List<Toolchain> installed = null;
            if (versions.isEmpty()) {
                context.warning("Neither 'python-version' nor 'python-version-file' inputs were supplied, and there is no"
                        + " .python-version file: the python3 on PATH is used");
                Optional<Toolchain> onPath = where.onPath("python3").stream()
                        .map(p -> PythonToolchains.ask(where, p)).flatMap(Optional::stream).findFirst();
                if (onPath.isEmpty()) {
                    return ActionResult.failure("setup-python: no python3 on PATH");
                }
                chosen.add(onPath.get());
            }
            for (String version : versions) {
                if (installed == null) {
                    installed = PythonToolchains.find(where);
                }
                Optional<Toolchain> python = Toolchains.pick(installed, SetupSupport.spec(version, "Python"), prereleases);
                if (python.isEmpty()) {
                    return ActionResult.failure(Toolchains.notInstalled("Python", version, installed,
                            context.toolCache().resolve("Python/<version>/" + arch).toString()));
                }
                chosen.add(python.get());
            }
            boolean update = in.bool("update-environment", true);
            for (Toolchain python : chosen) {
                if (update) {
                    SetupSupport.addToPath(context, python);
                }
                context.log("Successfully set up Python (" + python.version().text() + ") at " + python.executable());
            }
            offlineOnly(context, in);
            Toolchain python = chosen.getLast();
            if (update) {
                String prefix = python.home().toString();
                Map<String, String> vars = new LinkedHashMap<>();
                vars.put("pythonLocation", prefix);
                vars.put("PKG_CONFIG_PATH", prefix + "/lib/pkgconfig");
                vars.put("Python_ROOT_DIR", prefix);
                vars.put("Python2_ROOT_DIR", prefix);
                vars.put("Python3_ROOT_DIR", prefix);
                String lib = prefix + "/lib";
                String existing = context.env().getOrDefault("LD_LIBRARY_PATH", "");
                if (!List.of(existing.split(File.pathSeparator)).contains(lib)) {
                    vars.put("LD_LIBRARY_PATH", lib + (existing.isEmpty() ? "" : File.pathSeparator + existing));
                }
                vars.forEach(context::exportVariable);
            }
            context.setOutput("python-version", python.version().text());
            context.setOutput("python-path", pythonPath(python).toString());
            String cache = in.string("cache", "");
            if (!cache.isEmpty()) {
                restoreCache(context, in, cache, python);
            }
            Optional<String> pipFailure = PipInstall.apply(context, python, in.string("pip-version", ""),
                    in.string("pip-install", ""));
            return pipFailure.map(ActionResult::failure).orElseGet(ActionResult::success);
        } catch (InputError e) {
            return ActionResult.failure(e.getMessage());
        } catch (IOException e) {
            return ActionResult.failure("setup-python: the cache could not be restored: " + e.getMessage());
        }
    }

    /**
     * The {@code python-path} output: {@code bin/python} of the installation, as the original names
     * it, when that exists (a system Python in {@code /usr/bin} may only have {@code python3.X}).
     */
    static Path pythonPath(Toolchain python) {
        Path plain = python.bin().resolve("python");
        return Files.isExecutable(plain) ? plain : python.executable();
    }

    /**
     * Warns about the input that needs a download (README, "Usage" and docs/advanced-usage.md):
     * {@code freethreaded} (a free-threaded build is not looked for); {@code check-latest} is the
     * installed version anyway.
     */
    private static void offlineOnly(ActionContext context, ActionInputs in) throws InputError {
        if (in.bool("freethreaded", false)) {
            context.warning("setup-python: freethreaded: gantry does not look for free-threaded builds; the regular"
                    + " build above is used");
        }
    }

    /** The versions a version file names: every non-comment line ({@code .python-version}), or the python entry. */
    static List<String> versionsFromFile(String content, String file) throws InputError {
        boolean toolVersions = file.endsWith(".tool-versions");
        List<String> versions = new ArrayList<>();
        for (String line : content.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (toolVersions) {
                if (l.startsWith("python ")) {
                    versions.add(l.split("\\s+")[1]);
                }
            } else {
                versions.add(l);
            }
        }
        if (versions.isEmpty()) {
            throw new InputError("No Python version was found in " + file);
        }
        return versions;
    }

    private void restoreCache(ActionContext context, ActionInputs in, String manager, Toolchain python)
            throws InputError, IOException {
        String home = ActionInputs.home(context.env()).toString();
        List<String> paths;
        List<String> patterns;
        switch (manager) {
            case "pip" -> {
                paths = List.of(probe.run(List.of(python.executable().toString(), "-m", "pip", "cache", "dir"),
                        context.env(), context.workspace()).orElse(home + "/.cache/pip"));
                patterns = List.of("**/requirements.txt");
            }
            case "pipenv" -> {
                paths = List.of(home + "/.local/share/virtualenvs");
                patterns = List.of("**/Pipfile.lock");
            }
            case "poetry" -> {
                String cacheDir = probe.run(List.of("poetry", "config", "cache-dir"), context.env(), context.workspace())
                        .orElse(home + "/.cache/pypoetry");
                paths = List.of(cacheDir + "/cache", cacheDir + "/artifacts", cacheDir + "/virtualenvs");
                patterns = List.of("**/poetry.lock");
            }
            default -> throw new InputError("Caching for '" + manager + "' is not supported");
        }
        List<String> custom = in.lines("cache-dependency-path");
        List<String> hashed = custom.isEmpty() ? patterns : custom;
        String hash = DependencyCache.hashFiles(context.workspace(), hashed);
        if (hash.isEmpty()) {
            throw new InputError("No file in " + context.workspace() + " matched to [" + String.join(",", hashed)
                    + "], make sure you have checked out the target repository");
        }
        String key = "setup-python-" + SetupSupport.runnerOs(context) + "-" + Toolchains.machineArch() + "-python-"
                + python.version().text() + "-" + manager + "-" + hash;
        DependencyCache.restore(context, key, paths);
    }
}

package dev.gantry.runner.actions.setup;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the setup actions look for installed toolchains, and how they choose one. Each tool's
 * finder lists candidates from the environment (JAVA_HOME_17_X64 and the like), the usual install
 * folders, the tool cache ({@code RUNNER_TOOL_CACHE/<Tool>/<version>/<arch>}, the hosted runners'
 * layout) and PATH; this class removes duplicates (by real path) and picks the highest version a
 * spec allows.
 *
 * @param env       the step's environment (PATH, HOME, JAVA_HOME_*)
 * @param toolCache RUNNER_TOOL_CACHE
 * @param workspace where probes run
 * @param probe     runs a tool to ask its version
 * @param arch      the wanted architecture, as the actions name it ({@code x64}, {@code arm64})
 */
public record Toolchains(Map<String, String> env, Path toolCache, Path workspace, CommandProbe probe, String arch) {

    /** The architecture of this JVM's machine in the actions' words. */
    public static String machineArch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "x86";
            default -> a;
        };
    }

    /** The step's home folder. */
    public Path home() {
        return dev.gantry.runner.actions.ActionInputs.home(env);
    }

    /** The highest version {@code spec} allows, pre-releases only when allowed or named. */
    public static Optional<Toolchain> pick(List<Toolchain> installed, VersionSpec spec, boolean allowPrereleases) {
        return installed.stream()
                .filter(t -> !t.version().prerelease() || allowPrereleases || spec.namesPrerelease())
                .filter(t -> spec.matches(t.version()))
                .max(Comparator.comparing(Toolchain::version));
    }

    /** Candidates without duplicates (same real folder), newest first. */
    static List<Toolchain> distinct(List<Toolchain> candidates) {
        Map<Path, Toolchain> byPath = new LinkedHashMap<>();
        for (Toolchain t : candidates) {
            Path real;
            try {
                real = t.executable().toRealPath();
            } catch (IOException e) {
                continue;
            }
            byPath.putIfAbsent(real, t);
        }
        List<Toolchain> list = new ArrayList<>(byPath.values());
        list.sort(Comparator.comparing(Toolchain::version).reversed());
        return list;
    }

    /** The failure message for a version that is not installed. */
    static String notInstalled(String tool, String spec, List<Toolchain> installed, String toolCacheHint) {
        String list = installed.isEmpty() ? "none" : String.join(", ", installed.stream().map(Toolchain::describe).toList());
        return tool + " '" + spec + "' is not installed on this machine (gantry uses installed toolchains and never"
                + " downloads one). Installed: " + list + ". Install it, or unpack it as " + toolCacheHint + ".";
    }

    /** Every executable called {@code name} on PATH, in PATH order. */
    List<Path> onPath(String name) {
        List<Path> found = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** The subfolders of {@code dir} (none when it does not exist), sorted. */
    static List<Path> children(Path dir) {
        List<Path> children = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return children;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (Files.isDirectory(p)) {
                    children.add(p);
                }
            }
        } catch (IOException e) {
            return children;
        }
        children.sort(null);
        return children;
    }

    /**
     * The version folders of a tool in the tool cache: {@code <toolCache>/<dir>/<version>/<arch>} for
     * each {@code dir} whose lower-case name {@code dirName} accepts, with the version read from the
     * folder name ({@code 17.0.9-9} is 17.0.9+9, as setup-java names them).
     */
    List<Map.Entry<ToolVersion, Path>> inToolCache(java.util.function.Predicate<String> dirName) {
        List<Map.Entry<ToolVersion, Path>> found = new ArrayList<>();
        for (Path tool : children(toolCache)) {
            if (!dirName.test(tool.getFileName().toString().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (Path version : children(tool)) {
                ToolVersion v = ToolVersion.parse(version.getFileName().toString().replace('-', '+'));
                Path platform = version.resolve(arch);
                if (v != null && Files.isDirectory(platform)) {
                    found.add(Map.entry(v, platform));
                }
            }
        }
        return found;
    }
}

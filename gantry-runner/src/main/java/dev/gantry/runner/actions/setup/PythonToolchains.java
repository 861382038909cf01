package dev.gantry.runner.actions.setup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python installations here: the tool cache ({@code Python/<version>/<arch>}) and pyenv's
 * versions (the version is the folder's name), and the {@code python3.X}, {@code python3} and
 * {@code python} executables in {@code /usr/bin}, {@code /usr/local/bin}, {@code /opt/python/*}
 * and on PATH, each asked for its version, prefix and real executable (which sees through pyenv's
 * shims).
 */
final class PythonToolchains {

    private static final String ASK = "import platform,sys;print(platform.python_version());print(sys.prefix);"
            + "print(sys.executable)";

    private PythonToolchains() {
    }

    static List<Toolchain> find(Toolchains where) {
        List<Toolchain> found = new ArrayList<>();
        where.inToolCache(name -> name.equals("python")).forEach(e -> add(found, e.getKey(), e.getValue()));
        String pyenv = where.env().get("PYENV_ROOT");
        Path pyenvRoot = pyenv != null && !pyenv.isBlank() ? Path.of(pyenv) : where.home().resolve(".pyenv");
        for (Path dir : Toolchains.children(pyenvRoot.resolve("versions"))) {
            add(found, ToolVersion.parse(dir.getFileName().toString()), dir);
        }
        List<Path> executables = new ArrayList<>();
        for (Path dir : List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"))) {
            executables.addAll(versioned(dir));
        }
        for (Path dir : Toolchains.children(Path.of("/opt/python"))) {
            executables.addAll(versioned(dir.resolve("bin")));
        }
        executables.addAll(where.onPath("python3"));
        executables.addAll(where.onPath("python"));
        for (Path python : executables) {
            ask(where, python).ifPresent(found::add);
        }
        return Toolchains.distinct(found);
    }

    /** Runs {@code python} to learn its version, prefix and real executable. */
    static Optional<Toolchain> ask(Toolchains where, Path python) {
        return where.probe().run(List.of(python.toString(), "-c", ASK), where.env(), where.workspace()).flatMap(out -> {
            String[] lines = out.split("\r?\n");
            ToolVersion v = lines.length == 3 ? ToolVersion.parse(lines[0]) : null;
            return v == null ? Optional.empty()
                    : Optional.of(new Toolchain(v, Path.of(lines[1].strip()), Path.of(lines[2].strip()), ""));
        });
    }

    private static void add(List<Toolchain> found, ToolVersion version, Path prefix) {
        for (String name : List.of("bin/python3", "bin/python")) {
            Path python = prefix.resolve(name);
            if (version != null && Files.isExecutable(python)) {
                found.add(new Toolchain(version, prefix, python, ""));
                return;
            }
        }
    }

    /** {@code python3.N} executables in {@code dir}. */
    private static List<Path> versioned(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "python3.[0-9]*")) {
            for (Path p : stream) {
                if (p.getFileName().toString().matches("python3\\.\\d+") && Files.isExecutable(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }
}

package dev.gantry.runner.actions.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go installations here: the tool cache ({@code go/<version>/<arch>}), {@code /usr/local/go},
 * {@code /usr/lib/go-*}, {@code ~/sdk/go*} and the {@code go} on PATH. A GOROOT's version is the
 * first line of its {@code VERSION} file ({@code go1.22.3}), so no process is started.
 */
final class GoToolchains {

    private GoToolchains() {
    }

    static List<Toolchain> find(Toolchains where) {
        List<Path> roots = new ArrayList<>();
        where.inToolCache(name -> name.equals("go")).forEach(e -> roots.add(e.getValue()));
        roots.add(Path.of("/usr/local/go"));
        for (Path p : Toolchains.children(Path.of("/usr/lib"))) {
            if (p.getFileName().toString().startsWith("go")) {
                roots.add(p);
            }
        }
        for (Path p : Toolchains.children(where.home().resolve("sdk"))) {
            if (p.getFileName().toString().startsWith("go")) {
                roots.add(p);
            }
        }
        for (Path go : where.onPath("go")) {
            try {
                Path real = go.toRealPath();
                if (real.getParent() != null && real.getParent().getParent() != null) {
                    roots.add(real.getParent().getParent());
                }
            } catch (IOException e) {
                // a broken link on PATH
            }
        }
        List<Toolchain> found = new ArrayList<>();
        for (Path root : roots) {
            Path go = root.resolve("bin/go");
            Path version = root.resolve("VERSION");
            if (!Files.isExecutable(go) || !Files.isRegularFile(version)) {
                continue;
            }
            try {
                String first = Files.readAllLines(version).stream().findFirst().orElse("");
                ToolVersion v = ToolVersion.parse(first);
                if (v != null) {
                    found.add(new Toolchain(v, root, go, ""));
                }
            } catch (IOException e) {
                // unreadable: not a usable GOROOT
            }
        }
        return Toolchains.distinct(found);
    }
}

package dev.gantry.runner.actions.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Node.js installations here: the tool cache ({@code node/<version>/<arch>}), nvm, fnm, Volta and
 * n folders (the version is the folder's name) and every {@code node} on PATH (asked with
 * {@code node --version}).
 */
final class NodeToolchains {

    private NodeToolchains() {
    }

    static List<Toolchain> find(Toolchains where) {
        List<Toolchain> found = new ArrayList<>();
        where.inToolCache(name -> name.equals("node")).forEach(e -> add(found, e.getKey(), e.getValue()));
        Path home = where.home();
        for (Path parent : List.of(home.resolve(".nvm/versions/node"), home.resolve(".local/share/fnm/node-versions"),
                home.resolve(".fnm/node-versions"), home.resolve(".volta/tools/image/node"),
                Path.of("/usr/local/n/versions/node"))) {
            for (Path dir : Toolchains.children(parent)) {
                Path prefix = Files.isDirectory(dir.resolve("installation")) ? dir.resolve("installation") : dir;
                add(found, ToolVersion.parse(dir.getFileName().toString()), prefix);
            }
        }
        for (Path node : where.onPath("node")) {
            where.probe().run(List.of(node.toString(), "--version"), where.env(), where.workspace())
                    .map(ToolVersion::parse)
                    .ifPresent(v -> {
                        try {
                            Path real = node.toRealPath();
                            found.add(new Toolchain(v, real.getParent().getParent(), real, ""));
                        } catch (IOException | NullPointerException e) {
                            // a broken link on PATH
                        }
                    });
        }
        return Toolchains.distinct(found);
    }

    private static void add(List<Toolchain> found, ToolVersion version, Path prefix) {
        Path node = prefix.resolve("bin/node");
        if (version != null && Files.isExecutable(node)) {
            found.add(new Toolchain(version, prefix, node, ""));
        }
    }
}

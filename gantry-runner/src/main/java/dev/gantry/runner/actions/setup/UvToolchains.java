package dev.gantry.runner.actions.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The uv installations here: the tool cache ({@code uv/<version>/<arch>}), {@code ~/.local/bin},
 * {@code ~/.cargo/bin} and PATH, each asked with {@code uv --version} ({@code uv 0.5.11 (...)}).
 */
final class UvToolchains {

    private UvToolchains() {
    }

    static List<Toolchain> find(Toolchains where) {
        List<Path> candidates = new ArrayList<>();
        where.inToolCache(name -> name.equals("uv")).forEach(e -> candidates.add(e.getValue().resolve("uv")));
        candidates.add(where.home().resolve(".local/bin/uv"));
        candidates.add(where.home().resolve(".cargo/bin/uv"));
        candidates.addAll(where.onPath("uv"));
        List<Toolchain> found = new ArrayList<>();
        for (Path uv : candidates) {
            if (!Files.isExecutable(uv)) {
                continue;
            }
            where.probe().run(List.of(uv.toString(), "--version"), where.env(), where.workspace())
                    .map(out -> out.replaceFirst("^uv\\s+", ""))
                    .map(ToolVersion::parse)
                    .ifPresent(v -> found.add(new Toolchain(v, uv.getParent(), uv, "")));
        }
        return Toolchains.distinct(found);
    }
}

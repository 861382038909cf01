package dev.gantry.gitlab;

import dev.gantry.load.SourceFiles;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory repository for tests, with the glob rules {@link SourceFiles} promises. */
final class MemoryFiles implements SourceFiles {

    private final Map<String, String> files = new LinkedHashMap<>();

    MemoryFiles with(String path, String text) {
        files.put(path, text);
        return this;
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path.startsWith("/") ? path.substring(1) : path));
    }

    @Override
    public List<String> glob(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return files.keySet().stream().filter(p -> matcher.matches(Path.of(p))).sorted().toList();
    }
}

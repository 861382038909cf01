package dev.gantry.runner.actions;

import dev.gantry.runner.store.FileArtifactStore;
import dev.gantry.runner.store.FileCacheStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link ActionContext} that records what an action did, over real stores in a test folder. */
public final class FakeContext implements ActionContext {

    public final Map<String, String> inputs = new LinkedHashMap<>();
    public final Map<String, String> env = new LinkedHashMap<>();
    public final Map<String, Object> github = new LinkedHashMap<>();
    public final Map<String, String> outputs = new LinkedHashMap<>();
    public final Map<String, String> exported = new LinkedHashMap<>();
    public final List<String> paths = new ArrayList<>();
    public final Map<String, String> state = new LinkedHashMap<>();
    public final List<String> lines = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    private final Path root;
    private final ActionServices services;

    /** A context whose workspace, temp, tool cache, repository and stores are folders below {@code root}. */
    public FakeContext(Path root) {
        this(root, new RunServices(new FileCacheStore(root.resolve("cache"), 1L << 30, Clock.systemUTC()),
                new FileArtifactStore(root.resolve("artifacts"), Clock.systemUTC()),
                new ActionSettings("https://github.com", root.resolve("cache"), 1L << 30)));
    }

    /** A context sharing {@code services} (another step of the same run). */
    public FakeContext(Path root, ActionServices services) {
        this.root = root;
        this.services = services;
        env.put("HOME", root.resolve("home").toString());
        env.put("PATH", "");
        github.put("ref", "refs/heads/main");
        github.put("repository", "acme/app");
    }

    public FakeContext with(String input, String value) {
        inputs.put(input, value);
        return this;
    }

    @Override
    public String input(String name) {
        return inputs.getOrDefault(name, "");
    }

    @Override
    public Map<String, String> inputs() {
        return inputs;
    }

    @Override
    public Path workspace() {
        return root.resolve("workspace");
    }

    @Override
    public Path temp() {
        return root.resolve("temp");
    }

    @Override
    public Path toolCache() {
        return root.resolve("toolcache");
    }

    @Override
    public Path repository() {
        return root.resolve("repository");
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public Map<String, Object> github() {
        return github;
    }

    @Override
    public String jobStatus() {
        return "success";
    }

    @Override
    public void setOutput(String name, String value) {
        outputs.put(name, value);
    }

    @Override
    public void exportVariable(String name, String value) {
        exported.put(name, value);
    }

    @Override
    public void addPath(String directory) {
        paths.add(0, directory);
    }

    @Override
    public void addMask(String value) {
    }

    @Override
    public void saveState(String name, String value) {
        state.put(name, value);
    }

    @Override
    public String state(String name) {
        return state.getOrDefault(name, "");
    }

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void notice(String title, String message) {
        notices.add(title + ": " + message);
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public ActionServices services() {
        return services;
    }
}

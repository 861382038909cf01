package dev.gantry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Test support: a real git repository in a temporary folder with the files a test writes, and
 * {@code gantry} run against it through {@link Main#execute} as a user would run it, with stdout,
 * stderr and the {@code --json} result captured.
 */
final class GantryProcess {

    /** What one command printed and returned. */
    record Outcome(int exit, String out, String err, JsonNode json) {

        /** The JSON object of the job whose key is {@code key}. */
        JsonNode job(String key) {
            for (JsonNode j : json.get("jobs")) {
                if (j.get("key").asText().equals(key)) {
                    return j;
                }
            }
            throw new AssertionError("no job '" + key + "' in " + json);
        }

        /** The keys of every job, in plan order. */
        List<String> jobKeys() {
            List<String> keys = new ArrayList<>();
            json.get("jobs").forEach(j -> keys.add(j.get("key").asText()));
            return keys;
        }
    }

    private final Path dir;

    GantryProcess(Path dir) {
        this.dir = dir;
    }

    /** Writes a file (creating folders) and returns this. */
    GantryProcess file(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes {@code .github/workflows/ci.yml}. */
    GantryProcess workflow(String yaml) throws IOException {
        return file(".github/workflows/ci.yml", yaml);
    }

    /** Writes {@code .gitlab-ci.yml}. */
    GantryProcess gitlab(String yaml) throws IOException {
        return file(".gitlab-ci.yml", yaml);
    }

    /** Makes the folder a git repository with everything committed. */
    GantryProcess commit() throws Exception {
        try (Git git = Files.isDirectory(dir.resolve(".git")) ? Git.open(dir.toFile())
                : Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test", "test@example.com");
            git.commit().setMessage("test").setAuthor(me).setCommitter(me).setSign(false).call();
        }
        return this;
    }

    /** Creates the branch {@code name} at the last commit and checks it out. */
    GantryProcess branch(String name) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            git.checkout().setCreateBranch(true).setName(name).call();
        }
        return this;
    }

    /** Tags the last commit with a lightweight tag {@code name}. */
    GantryProcess tag(String name) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            git.tag().setName(name).setAnnotated(false).call();
        }
        return this;
    }

    /** Runs {@code gantry run -C DIR --json FILE ARGS...}. */
    Outcome run(String... args) throws IOException {
        Path json = dir.resolve("../" + dir.getFileName() + "-result.json").normalize();
        List<String> all = new ArrayList<>(List.of("run", "-C", dir.toString(), "--json", json.toString()));
        all.addAll(List.of(args));
        Outcome o = execute(all.toArray(String[]::new));
        JsonNode node = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
        return new Outcome(o.exit(), o.out(), o.err(), node);
    }

    /** Runs any gantry command in-process with output captured. */
    static Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), null);
    }
}

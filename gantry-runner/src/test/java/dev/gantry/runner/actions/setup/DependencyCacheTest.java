package dev.gantry.runner.actions.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.actions.FakeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup actions' {@code cache:} input: restored and saved in a fresh home, used in place in this machine's. */
class DependencyCacheTest {

    @TempDir
    Path dir;

    private FakeContext store;

    private FakeContext job(String name) throws Exception {
        FakeContext c = store == null ? new FakeContext(dir.resolve(name)) : new FakeContext(dir.resolve(name), store.services());
        store = store == null ? c : store;
        Files.createDirectories(c.workspace());
        // Both jobs share one cache store and one home folder, as two runs on one machine do.
        c.env.put("HOME", dir.resolve("home").toString());
        return c;
    }

    private Path repository() throws Exception {
        Path m2 = dir.resolve("home/.m2/repository");
        Files.createDirectories(m2.resolve("org/acme/lib/1.0"));
        Files.writeString(m2.resolve("org/acme/lib/1.0/lib-1.0.jar"), "jar");
        return m2;
    }

    @Test
    void inThisMachinesHomeTheFoldersAreUsedInPlaceAndNothingIsSaved() throws Exception {
        Path m2 = repository();
        FakeContext first = job("first");
        DependencyCache.restore(first, "setup-java-maven-abc", List.of(m2.toString()), dir.resolve("home"));
        DependencyCache.save(first);
        assertThat(first.outputs).containsEntry("cache-hit", "false");
        assertThat(first.notices).containsExactly("cache: in place: " + m2
                + " (this machine's own folder, kept between runs): not restored, not saved");

        FakeContext elsewhere = job("second");
        DependencyCache.restore(elsewhere, "setup-java-maven-abc", List.of(m2.toString()), dir.resolve("other-home"));
        assertThat(elsewhere.outputs).as("nothing was saved by the first job").containsEntry("cache-hit", "false");
        assertThat(m2.resolve("org/acme/lib/1.0/lib-1.0.jar")).hasContent("jar");
    }

    @Test
    void inAnotherHomeTheEntryIsSavedAndRestoredAsOnGithub() throws Exception {
        Path m2 = repository();
        Path machineHome = dir.resolve("machine-home");
        FakeContext first = job("first");
        DependencyCache.restore(first, "setup-java-maven-abc", List.of(m2.toString()), machineHome);
        assertThat(first.outputs).containsEntry("cache-hit", "false");
        DependencyCache.save(first);

        Files.delete(m2.resolve("org/acme/lib/1.0/lib-1.0.jar"));
        FakeContext second = job("second");
        DependencyCache.restore(second, "setup-java-maven-abc", List.of(m2.toString()), machineHome);
        assertThat(second.outputs).containsEntry("cache-hit", "true");
        assertThat(m2.resolve("org/acme/lib/1.0/lib-1.0.jar")).hasContent("jar");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -C DIR} with a relative file named after it: every command reads the file inside DIR, as
 * {@code git -C} and {@code make -C} do, so {@code gantry run -C examples/java-service .gitlab-ci.yml}
 * runs the example's pipeline and not one that happens to sit in the current folder.
 */
class WorkdirArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void runReadsARelativeFileInsideTheWorkdir() throws Exception {
        Path repo = dir.resolve("repo");
        new GantryProcess(repo).file(".gitlab-ci.yml", """
                only-here:
                  script: echo hi
                """).commit();

        GantryProcess.Outcome dry = GantryProcess.execute("run", "-C", repo.toString(), "-n", ".gitlab-ci.yml");
        GantryProcess.Outcome listed = GantryProcess.execute("list", "-C", repo.toString(), ".gitlab-ci.yml");

        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("only-here");
        assertThat(listed.out()).contains("only-here");
    }

    @Test
    void runSaysWhichPathItLookedFor() {
        GantryProcess.Outcome o = GantryProcess.execute("run", "-C", dir.toString(), "-n", "nowhere.yml");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("no such file or folder: " + dir.resolve("nowhere.yml"));
    }
}

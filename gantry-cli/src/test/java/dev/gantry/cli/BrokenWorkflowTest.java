package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run DIR} with a workflow file that has errors beside a valid one. On GitHub each
 * workflow file is read on its own: a broken file fails alone and the others run. Gantry shows the
 * errors of a workflow the event does not trigger and runs the rest; a broken workflow the event
 * triggers (or whose {@code on:} cannot be read) still stops the run with exit 2, since it cannot run.
 */
class BrokenWorkflowTest {

    private static final String VALID = """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo valid-ran
            """;

    @TempDir
    Path dir;

    private GantryProcess repo(String brokenYaml) throws Exception {
        return new GantryProcess(dir.resolve("repo")).workflow(VALID).file(".github/workflows/broken.yml", brokenYaml)
                .commit();
    }

    @Test
    void aBrokenWorkflowTheEventDoesNotTriggerDoesNotStopTheOthers() throws Exception {
        GantryProcess.Outcome o = repo("""
                on: issues
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: bad
                """).run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("valid-ran");
        assertThat(o.err()).contains("broken.yml:6:", "not triggered by 'push'");
    }

    @Test
    void aBrokenWorkflowWhoseFiltersSkipTheEventDoesNotStopTheOthers() throws Exception {
        GantryProcess.Outcome o = repo("""
                on:
                  push:
                    branches: [release]
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: bad
                """).run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("valid-ran");
    }

    @Test
    void aBrokenWorkflowTheEventTriggersStopsTheRun() throws Exception {
        GantryProcess.Outcome o = repo("""
                on: [push, issues]
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: bad
                """).run();

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).doesNotContain("valid-ran");
        assertThat(o.err()).contains("broken.yml:6:", "fix the errors above first");
    }

    @Test
    void aWorkflowWhoseOnCannotBeReadCountsAsTriggered() throws Exception {
        GantryProcess.Outcome o = repo("""
                on:
                  issues:
                    typez: [opened]
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo b
                """).run();

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).doesNotContain("valid-ran");
    }

    @Test
    void aFileThatIsNoYamlMappingCountsAsTriggered() throws Exception {
        GantryProcess.Outcome o = repo("on: [push\n").run();

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).doesNotContain("valid-ran");
    }
}

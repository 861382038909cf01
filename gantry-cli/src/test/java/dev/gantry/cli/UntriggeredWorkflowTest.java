package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow the event does not trigger: nothing runs (status 0, as on GitHub), and gantry says which events would. */
class UntriggeredWorkflowTest {

    @TempDir
    Path dir;

    @Test
    void namesTheEventsTheWorkflowRunsOn() throws Exception {
        Path repo = dir.resolve("repo");
        new GantryProcess(repo).workflow("""
                on:
                  workflow_dispatch:
                  schedule:
                    - cron: '0 3 * * *'
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo hi
                """).commit();

        GantryProcess.Outcome o = GantryProcess.execute("run", "-C", repo.toString(), "-n");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("not run for 'push'", "(it runs on workflow_dispatch, schedule; choose one with -e)");
    }

    @Test
    void saysNothingMoreWhenOnlyAFilterExcludesTheEvent() throws Exception {
        Path repo = dir.resolve("repo");
        new GantryProcess(repo).workflow("""
                on:
                  push:
                    branches: [release]
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo hi
                """).commit();

        GantryProcess.Outcome o = GantryProcess.execute("run", "-C", repo.toString(), "-n");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("not run for 'push'").doesNotContain("choose one with -e");
    }
}

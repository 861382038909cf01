package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contexts as a job sees them on GitHub ("Contexts reference"), where a local run was seen to
 * differ.
 */
class GithubContextsIT {

    @TempDir
    Path dir;

    @Test
    void aJobWithoutAMatrixHasTheDefaultStrategyContext() throws Exception {
        // GitHub's language service gives the runtime defaults of a job without a strategy block:
        // fail-fast true, job-index 0, job-total 1, max-parallel 1 (actions/languageservices#235).
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "strategy=${{ strategy.fail-fast }},${{ strategy.job-index }},${{ strategy.job-total }},${{ strategy.max-parallel }}"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("]   strategy=true,0,1,1");
    }
}

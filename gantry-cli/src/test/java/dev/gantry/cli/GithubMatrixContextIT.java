package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code matrix} context of a job without a matrix is null ("Contexts reference": the matrix
 * context is only populated for jobs in a matrix), so {@code toJSON(matrix)} gives {@code null}
 * there, and a property of it is null too.
 */
class GithubMatrixContextIT {

    @TempDir
    Path dir;

    @Test
    void aJobWithoutAMatrixSeesANullMatrixContext() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  plain:
                    runs-on: ubuntu-latest
                    env:
                      M: ${{ toJSON(matrix) }}
                    steps:
                      - run: echo "plain=$M os=${{ matrix.os || 'none' }} null=${{ matrix == null }}"
                  legs:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        os: [linux]
                    steps:
                      - run: echo "legs=${{ toJSON(matrix) }}" | tr -d '\\n '
                """).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("plain=null os=none null=true", "legs={os:linux}");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix job that calls a reusable workflow ("Reuse workflows#Using a matrix strategy with a
 * reusable workflow"): its {@code strategy.max-parallel} limits how many of its legs, each with its
 * called jobs, run at once.
 */
class ReusableMatrixIT {

    @TempDir
    Path dir;

    @Test
    void maxParallelOfAMatrixCallerRunsItsLegsCalledJobsOneAtATime() throws Exception {
        Path marks = dir.resolve("marks");
        Files.createDirectories(marks);
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo"))
                .file(".github/workflows/called.yml", """
                        on:
                          workflow_call:
                            inputs:
                              leg:
                                type: string
                        jobs:
                          work:
                            runs-on: ubuntu-latest
                            steps:
                              - run: |
                                  touch "$MARKS/running-${{ inputs.leg }}"
                                  sleep 1
                                  ls "$MARKS" | grep -c running > "$MARKS/seen-${{ inputs.leg }}"
                                  rm "$MARKS/running-${{ inputs.leg }}"
                        """)
                .workflow("""
                        on: push
                        jobs:
                          call:
                            strategy:
                              max-parallel: 1
                              matrix:
                                leg: [a, b, c]
                            uses: ./.github/workflows/called.yml
                            with:
                              leg: ${{ matrix.leg }}
                        """).commit().run("--env", "MARKS=" + marks);
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        for (String leg : List.of("a", "b", "c")) {
            assertThat(Files.readString(marks.resolve("seen-" + leg)).strip()).as("legs running while " + leg + " ran")
                    .isEqualTo("1");
        }
    }
}

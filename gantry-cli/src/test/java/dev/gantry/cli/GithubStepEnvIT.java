package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a step's own {@code env:} is seen by: the runner merges it into the env context before it
 * names the step, decides its {@code if:}, and reads its {@code timeout-minutes} and
 * {@code continue-on-error} (docs.github.com "Contexts reference", availability of the {@code env}
 * context for {@code jobs.<job_id>.steps.name}, {@code .timeout-minutes}, {@code .continue-on-error}).
 */
class GithubStepEnvIT {

    @TempDir
    Path dir;

    @Test
    void aStepsNameTimeoutAndContinueOnErrorSeeItsOwnEnv() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                env:
                  TARGET: workflow
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Build ${{ env.TARGET }} ${{ env.FLAVOUR }}
                        env:
                          FLAVOUR: release
                          MINUTES: 1
                          TOLERATE: true
                        timeout-minutes: ${{ fromJSON(env.MINUTES) }}
                        continue-on-error: ${{ env.TOLERATE == 'true' }}
                        run: exit 3
                      - name: After ${{ env.FLAVOUR }}end
                        run: echo "still running"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("> Build workflow release", "> After end", "still running")
                .doesNotContain("is not valid");
    }

    @Test
    void aCompositeActionsInnerStepSeesItsOwnEnvInItsNameAndIf() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo"))
                .file(".github/actions/inner/action.yml", """
                        name: inner
                        runs:
                          using: composite
                          steps:
                            - name: Inner ${{ env.MODE }}
                              if: env.MODE == 'fast'
                              env:
                                MODE: fast
                              shell: bash
                              run: echo "inner ran"
                        """)
                .workflow("""
                        on: push
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                              - uses: ./.github/actions/inner
                        """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("▸ Inner fast", "inner ran");
    }
}

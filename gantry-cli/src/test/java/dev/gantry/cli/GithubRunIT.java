package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run} on real workflows with real bash processes, through the CLI entry point. Each
 * case is a place where local runners were reported to diverge from GitHub (issue 4).
 */
class GithubRunIT {

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void includeExtendsMatchingLegsAndAddsNewOnes() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        os: [a, b]
                        v: [1, 2]
                        include:
                          - os: a
                            extra: x
                          - os: c
                            v: 9
                    steps:
                      - run: echo "leg os=${{ matrix.os }} v=${{ matrix.v }} extra=${{ matrix.extra }}"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.jobKeys()).containsExactly("test (a, 1, x)", "test (a, 2, x)", "test (b, 1)", "test (b, 2)",
                "test (c, 9)");
        assertThat(o.out()).contains("leg os=a v=1 extra=x", "leg os=a v=2 extra=x", "leg os=b v=1 extra=",
                "leg os=c v=9 extra=");
    }

    @Test
    void excludeNamingOneAxisRemovesEveryMatchingLeg() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        os: [a, b]
                        v: [1, 2]
                        exclude:
                          - os: a
                    steps:
                      - run: echo "${{ matrix.os }}"
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.jobKeys()).containsExactly("test (b, 1)", "test (b, 2)");
    }

    @Test
    void aJobNeedingASkippedJobIsSkippedUnlessItsIfUsesAlways() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  x:
                    if: false
                    runs-on: ubuntu-latest
                    outputs:
                      out: ${{ steps.s.outputs.v }}
                    steps:
                      - id: s
                        run: echo "v=1" >> $GITHUB_OUTPUT
                  plain:
                    needs: x
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo plain ran
                  final:
                    needs: x
                    if: always()
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "result=${{ needs.x.result }} out=[${{ needs.x.outputs.out }}]"
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.job("x").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("plain").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("final").get("status").asText()).isEqualTo("success");
        assertThat(o.out()).contains("result=skipped out=[]").doesNotContain("plain ran");
    }

    @Test
    void afterAFailingStepOnlyStatusConditionsRunAndTheJobFails() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: exit 1
                      - run: echo plain-step
                      - if: always()
                        run: echo always-step
                      - if: failure()
                        run: echo failure-step
                      - if: ${{ !cancelled() }}
                        run: echo not-cancelled-step
                      - if: success()
                        run: echo success-step
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("always-step", "failure-step", "not-cancelled-step")
                .doesNotContain("  plain-step", "  success-step");
        assertThat(o.job("j").get("status").asText()).isEqualTo("failure");
    }

    @Test
    void continueOnErrorKeepsOutcomeButConcludesSuccess() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: s
                        run: exit 1
                        continue-on-error: true
                      - run: echo "outcome=${{ steps.s.outcome }} conclusion=${{ steps.s.conclusion }}"
                      - if: failure()
                        run: echo failure-step-ran
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("outcome=failure conclusion=success").doesNotContain("]   failure-step-ran");
        JsonNode step = o.job("j").get("steps").get(0);
        assertThat(step.get("outcome").asText()).isEqualTo("failure");
        assertThat(step.get("conclusion").asText()).isEqualTo("success");
    }

    @Test
    void aMultiLineOutputReachesADependentJobByteForByte() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    outputs:
                      text: ${{ steps.s.outputs.text }}
                    steps:
                      - id: s
                        run: |
                          {
                            echo 'text<<EOF_MARK'
                            printf 'first line  \\n\\n  $HOME "quoted" `tick` \\\\ end\\n'
                            echo 'EOF_MARK'
                          } >> "$GITHUB_OUTPUT"
                  b:
                    needs: a
                    runs-on: ubuntu-latest
                    outputs:
                      copy: ${{ steps.c.outputs.copy }}
                    steps:
                      - id: c
                        env:
                          TEXT: ${{ needs.a.outputs.text }}
                        run: |
                          { echo 'copy<<X'; printf '%s\\n' "$TEXT"; echo 'X'; } >> "$GITHUB_OUTPUT"
                """).commit().run();
        assertThat(o.exit()).as(o.out()).isZero();
        String expected = "first line  \n\n  $HOME \"quoted\" `tick` \\ end";
        assertThat(o.job("a").get("outputs").get("text").asText()).isEqualTo(expected);
        assertThat(o.job("b").get("outputs").get("copy").asText()).isEqualTo(expected);
    }

    @Test
    void laterGithubPathEntriesComeFirst() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          mkdir -p "$RUNNER_TEMP/a" "$RUNNER_TEMP/b"
                          printf '#!/bin/sh\\necho from-a\\n' > "$RUNNER_TEMP/a/tool"
                          printf '#!/bin/sh\\necho from-b\\n' > "$RUNNER_TEMP/b/tool"
                          chmod +x "$RUNNER_TEMP/a/tool" "$RUNNER_TEMP/b/tool"
                          echo "$RUNNER_TEMP/a" >> "$GITHUB_PATH"
                          echo "$RUNNER_TEMP/b" >> "$GITHUB_PATH"
                      - run: tool
                """).commit().run();
        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("from-b").doesNotContain("from-a");
    }

    @Test
    void theDefaultShellHasNoPipefailButBashHas() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  plain:
                    runs-on: ubuntu-latest
                    steps:
                      - run: false | true
                  bash:
                    runs-on: ubuntu-latest
                    steps:
                      - run: false | true
                        shell: bash
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.job("plain").get("status").asText()).isEqualTo("success");
        assertThat(o.job("bash").get("status").asText()).isEqualTo("failure");
    }

    @Test
    void addMaskAndSecretsAreMaskedOnEveryLine() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo "before mask: visible-token"
                          echo "::add-mask::visible-token"
                          echo "after mask: visible-token"
                      - run: 'echo "later step: visible-token"'
                      - env:
                          ML: ${{ secrets.ML }}
                        run: |
                          echo "$ML"
                          echo "inline ${{ secrets.ML }}"
                """).commit().run("-s", "ML=alpha-line\nbravo-line\ncharlie-line");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("before mask: visible-token", "after mask: ***", "later step: ***");
        String afterMask = o.out().substring(o.out().indexOf("after mask"));
        assertThat(afterMask).doesNotContain("visible-token");
        assertThat(o.out()).doesNotContain("alpha-line", "bravo-line", "charlie-line");
    }

    @Test
    void aPushRunsOnlyWhenTheCommitChangesAFileThatThePathsFilterNames() throws Exception {
        GantryProcess repo = repo().workflow("""
                on:
                  push:
                    paths: ['src/**']
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "built it"
                """).file("src/a.txt", "1").commit();
        assertThat(repo.run().out()).contains("built it");

        GantryProcess.Outcome docs = repo.file("docs/readme.md", "words").commit().run();
        assertThat(docs.exit()).isZero();
        assertThat(docs.out()).doesNotContain("built it").contains("not run for 'push'");

        assertThat(repo.file("src/a.txt", "2").commit().run().out()).contains("built it");
    }

    @Test
    void timeoutMinutesWrittenAsAnExpressionIsEvaluatedForStepsAndJobs() throws Exception {
        long started = System.nanoTime();
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  step-limit:
                    runs-on: ubuntu-latest
                    steps:
                      - timeout-minutes: ${{ fromJSON(vars.SHORT) }}
                        run: sleep 60
                  job-limit:
                    runs-on: ubuntu-latest
                    timeout-minutes: ${{ vars.SHORT }}
                    steps:
                      - run: sleep 60
                  bad:
                    runs-on: ubuntu-latest
                    steps:
                      - timeout-minutes: ${{ vars.WORDS }}
                        run: echo "ran anyway"
                """).commit().run("--var", "SHORT=0.02", "--var", "WORDS=soon");
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(seconds).as("both limits of about a second were applied").isLessThan(30);
        assertThat(o.out()).contains("the step exceeded its timeout of 1.2 seconds",
                "the job exceeded its timeout of 1.2 seconds", "timeout-minutes must be a number above zero, not 'soon'")
                .doesNotContain("[bad]   ran anyway");
        assertThat(o.job("job-limit").get("status").asText()).isEqualTo("failure");
    }

    @Test
    void aHugeTimeoutMinutesRunsTheJobInsteadOfOverflowing() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  written:
                    runs-on: ubuntu-latest
                    timeout-minutes: 1e300
                    steps:
                      - run: echo "written ran"
                  evaluated:
                    runs-on: ubuntu-latest
                    timeout-minutes: ${{ 1e300 }}
                    steps:
                      - run: echo "evaluated ran"
                        timeout-minutes: ${{ fromJSON('1e300') }}
                """).commit().run();

        assertThat(o.exit()).isEqualTo(0);
        assertThat(o.out()).contains("written ran", "evaluated ran").doesNotContain("overflow");
    }

    @Test
    void withRefTheWorkflowItselfComesFromThatRevision() throws Exception {
        GantryProcess repo = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "workflow OLD sees $(cat f.txt)"
                """).file("f.txt", "old file").commit();
        repo.workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "workflow NEW sees $(cat f.txt)"
                """).file("f.txt", "new file").commit();

        GantryProcess.Outcome o = repo.run("--ref", "HEAD~1");

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("workflow OLD sees old file").doesNotContain("NEW");

        java.nio.file.Files.delete(dir.resolve("repo/.github/workflows/ci.yml"));
        assertThat(repo.run("--ref", "HEAD").out()).as("a workflow deleted from the working tree still runs at a ref")
                .contains("workflow NEW sees new file");
    }

    @Test
    void theDryRunShortensLongConditionsToKeepOneLinePerJob() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  a:
                    if: >-
                      ${{ github.event_name == 'push' && contains(github.ref, 'refs/heads/main')
                      && !contains(github.event.head_commit.message, 'skip ci') }}
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo hi
                """).commit().run("-n");
        assertThat(o.exit()).isZero();
        String row = o.out().lines().filter(l -> l.strip().startsWith("a ")).findFirst().orElseThrow();
        assertThat(row).contains("${{ github.event_name == 'push'", "…").hasSizeLessThan(100);
    }
}

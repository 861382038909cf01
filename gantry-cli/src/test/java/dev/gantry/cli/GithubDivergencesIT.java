package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run} on small workflows, each a place where a local run was seen to differ from
 * what GitHub documents or does (bug reports of local runners, the runner's issues); each test
 * states GitHub's behaviour.
 */
class GithubDivergencesIT {

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void aParallelGroupOfStepsRunsInOrderAndTheRunSaysSo() throws Exception {
        // vuejs/core's test.yml: GitHub starts the group's steps at once (parallel steps, June 2026).
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - parallel:
                          - id: first
                            run: echo "x=from-first" >> "$GITHUB_OUTPUT"
                          - run: echo second
                      - run: echo "after ${{ steps.first.outputs.x }}"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.err()).contains("warning: gantry runs the 2 steps of this 'parallel' group one after another");
        assertThat(o.out()).contains("]   second", "]   after from-first");
    }

    @Test
    void aRunStepWithoutANameIsNamedAfterItsScriptWithExpressionsEvaluated() throws Exception {
        // shellspec's ubuntu-noble.yml: GitHub shows "Run sudo apt-get install -y dash".
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        shells: [{shell: dash, package: dash}]
                    steps:
                      - run: echo install ${{ matrix.shells.package }}
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("> Run echo install dash").doesNotContain("Run echo install ${{");
    }

    @Test
    void aContainerWhoseImageIsEmptyRunsTheJobOnTheHostWithoutDocker() throws Exception {
        // benjaminp/six's ci.yml: only some legs set use-container, the others evaluate the image to ''.
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        python: ['3.11']
                    container:
                      image: ${{ matrix.use-container && format('python:{0}', matrix.python) || '' }}
                    services:
                      db:
                        image: ${{ matrix.use-container && 'redis' || '' }}
                    steps:
                      - run: echo "ran on the host"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("]   ran on the host", "job success")
                .doesNotContain("needs Docker", "Starting job container");
    }

    @Test
    void aStepsIfSeesTheStepsOwnEnvButItsEnvDoesNotSeeItsSiblings() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                env:
                  E: workflow
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - if: env.HAS_TOKEN == 'true'
                        env:
                          HAS_TOKEN: true
                        run: echo "own env seen by if"
                      - if: env.HAS_TOKEN == 'true'
                        run: echo "NOT EXPECTED, no env here"
                      - env:
                          E: step
                          D: ${{ env.E }}-derived
                        run: echo "D=$D"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("own env seen by if", "D=workflow-derived").doesNotContain("]   NOT EXPECTED");
    }

    @Test
    void githubActionNamesTheStepByIdElseRunWithASequenceNumber() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "first ${{ github.action }} $GITHUB_ACTION"
                      - id: named
                        run: echo "second ${{ github.action }} $GITHUB_ACTION"
                      - run: echo "third ${{ github.action }} $GITHUB_ACTION"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("first __run __run", "second named named", "third __run_2 __run_2");
    }

    @Test
    void unquotedVersionNumbersInEnvLoseTrailingZerosAsOnGithub() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                env:
                  KERNEL: 5.10
                  QUOTED: "5.10"
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "kernel=$KERNEL ${{ env.KERNEL }} quoted=$QUOTED"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("kernel=5.1 5.1 quoted=5.10");
    }

    @Test
    void aPullRequestRunsOnItsMergeRef() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: pull_request
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "ref=${{ github.ref }} $GITHUB_REF name=${{ github.ref_name }} $GITHUB_REF_NAME head=${{ github.head_ref }}"
                """).file("pr.json", """
                {"number": 42, "pull_request": {"number": 42, "head": {"ref": "feature"}, "base": {"ref": "main"}}}
                """).commit().run("-e", "pull_request", "--event-file", dir.resolve("repo/pr.json").toString());
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("ref=refs/pull/42/merge refs/pull/42/merge name=42/merge 42/merge head=feature");
    }

    @Test
    void aCompositeActionsStepsDoNotTakeTheWorkflowsRunDefaults() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                defaults:
                  run:
                    working-directory: sub
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "outer in $(basename "$PWD")"
                      - uses: ./act
                """).file("sub/.keep", "").file("act/action.yml", """
                name: act
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: |
                        [ "$PWD" = "$GITHUB_WORKSPACE" ] && echo "inner at workspace" || echo "inner in $PWD"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("outer in sub", "inner at workspace");
    }

    @Test
    void aJobOutputHoldingASecretIsNotPassedOn() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  make:
                    runs-on: ubuntu-latest
                    outputs:
                      token: ${{ steps.s.outputs.token }}
                      plain: ${{ steps.s.outputs.plain }}
                    steps:
                      - id: s
                        run: |
                          echo "token=Bearer ${{ secrets.TOKEN }}" >> "$GITHUB_OUTPUT"
                          echo "plain=visible" >> "$GITHUB_OUTPUT"
                  use:
                    needs: make
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "token=[${{ needs.make.outputs.token }}] plain=[${{ needs.make.outputs.plain }}]"
                """).commit().run("-s", "TOKEN=s3cr3t-value");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("Skip output 'token' since it may contain secret", "token=[] plain=[visible]")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void aCompositeActionsUnnamedStepIsNamedAfterItsScriptWithExpressionsEvaluated() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./act
                        with:
                          package: dash
                """).file("act/action.yml", """
                name: act
                inputs:
                  package: {required: true}
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: |
                        echo "install ${{ inputs.package }}"
                        echo second line
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("Run echo \"install dash\" ...").doesNotContain("${{ inputs.package }}\" ...");
    }

    @Test
    void theOutputsOfAMatrixJobCombineTheLegsAndAnEmptyOutputKeepsAnotherLegsValue() throws Exception {
        // nektos/act#981; "Passing information between jobs": job outputs are combined from all legs.
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  m:
                    strategy:
                      max-parallel: 1
                      matrix:
                        v: [v1, v2]
                    runs-on: ubuntu-latest
                    outputs:
                      v1var: ${{ steps.s.outputs.v1var }}
                      v2var: ${{ steps.s.outputs.v2var }}
                    steps:
                      - id: s
                        run: echo "${{ matrix.v }}var=${{ matrix.v }}" >> "$GITHUB_OUTPUT"
                  use:
                    needs: m
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "got v1var=[${{ needs.m.outputs.v1var }}] v2var=[${{ needs.m.outputs.v2var }}]"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("got v1var=[v1] v2var=[v2]");
    }

    @Test
    void anExcludeNamingOnePropertyOfAMatrixObjectExcludesTheCellsHoldingIt() throws Exception {
        // "an excluded configuration only has to be a partial match"; GitHub applies it inside objects too.
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    strategy:
                      matrix:
                        config: [{os: linux, cc: gcc}, {os: mac, cc: clang}]
                        x: [1, 2]
                        exclude:
                          - config: {os: linux}
                            x: 1
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "leg ${{ matrix.config.os }}-${{ matrix.x }}"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("leg linux-2", "leg mac-1", "leg mac-2").doesNotContain("leg linux-1");
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reusable workflows ({@code jobs.<id>.uses}) run through {@code gantry run} with real bash
 * processes: the called jobs run inside the caller's run, named {@code caller / called}, with typed
 * inputs, secrets, outputs, matrices, failures and nesting as "Reuse workflows" describes.
 */
class ReusableWorkflowsIT {

    /** A reusable workflow with a required string, a number with a default, a boolean, a secret and an output. */
    private static final String GREET = """
            name: Greet
            on:
              workflow_call:
                inputs:
                  who:
                    type: string
                    required: true
                  times:
                    type: number
                    default: 2
                  loud:
                    type: boolean
                    default: false
                secrets:
                  token:
                    required: false
                outputs:
                  said:
                    value: ${{ jobs.say.outputs.line }}
            env:
              CALLED_ENV: called-level
            jobs:
              say:
                runs-on: ubuntu-latest
                outputs:
                  line: ${{ steps.s.outputs.line }}
                steps:
                  - id: s
                    run: |
                      echo "who=${{ inputs.who }} times=${{ inputs.times }} loud=${{ inputs.loud }}"
                      echo "times-type=${{ inputs.times > 2 }} loud-type=${{ inputs.loud == true }}"
                      echo "caller-env=[$CALLER_ENV] called-env=[$CALLED_ENV]"
                      echo "event=${{ github.event_name }} sha=${{ github.sha }} workflow=${{ github.workflow }}"
                      echo "token=[${{ secrets.token }}] other=[${{ secrets.OTHER }}]"
                      echo "line=hello ${{ inputs.who }}" >> $GITHUB_OUTPUT
            """;

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    @Test
    void typedInputsSecretsAndOutputsReachTheCallerAndItsDependents() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                name: Main
                on: push
                env:
                  CALLER_ENV: caller-level
                jobs:
                  defaults:
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: mona
                    secrets:
                      token: ${{ secrets.TOKEN }}
                  overridden:
                    name: Loud greeting
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: octocat
                      times: 5
                      loud: true
                    secrets: inherit
                  report:
                    needs: [defaults, overridden]
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "got=[${{ needs.defaults.outputs.said }}|${{ needs.overridden.outputs.said }}] result=${{ needs.defaults.result }}"
                """).commit().run("-s", "TOKEN=tok-en-value", "-s", "OTHER=other-value");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.jobKeys()).containsExactly("defaults / say", "defaults", "overridden / say", "overridden", "report");
        assertThat(o.job("overridden / say").get("name").asText()).isEqualTo("Loud greeting / say");
        assertThat(o.out()).contains("who=mona times=2 loud=false", "times-type=false loud-type=false",
                "who=octocat times=5 loud=true", "times-type=true loud-type=true");
        // The caller's workflow env is not propagated; the called workflow's own env applies.
        assertThat(o.out()).contains("caller-env=[] called-env=[called-level]").doesNotContain("caller-env=[caller-level]");
        // The github context is the caller's.
        assertThat(o.out()).containsPattern("event=push sha=[0-9a-f]{40} workflow=Main");
        // An explicit secret reaches only its name; inherit passes them all (secrets.token reads TOKEN:
        // context names are case-insensitive). Both are masked.
        assertThat(o.out()).contains("token=[***] other=[]", "token=[***] other=[***]")
                .doesNotContain("tok-en-value").doesNotContain("other-value");
        assertThat(o.job("defaults").get("outputs").get("said").asText()).isEqualTo("hello mona");
        assertThat(o.out()).contains("got=[hello mona|hello octocat] result=success");
        assertThat(o.json().toString()).doesNotContain("tok-en-value");
    }

    @Test
    void aMatrixCallerCallsTheWorkflowOncePerLegWithItsOwnInputs() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                on: push
                jobs:
                  greet:
                    strategy:
                      matrix:
                        who: [ann, bob]
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: ${{ matrix.who }}
                      times: ${{ strategy.job-index }}
                  after:
                    needs: greet
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "last=${{ needs.greet.outputs.said }} result=${{ needs.greet.result }}"
                """).commit().run("--max-parallel", "1");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.jobKeys()).containsExactly("greet (ann) / say", "greet (ann)", "greet (bob) / say", "greet (bob)",
                "after");
        assertThat(o.out()).contains("who=ann times=0", "who=bob times=1", "last=hello bob result=success");
    }

    @Test
    void aFailingCalledJobFailsTheCallerAndSkipsItsDependents() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/broken.yml", """
                on: workflow_call
                jobs:
                  breaks:
                    runs-on: ubuntu-latest
                    steps:
                      - run: exit 3
                  later:
                    needs: breaks
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo later-ran
                """).workflow("""
                on: push
                jobs:
                  call:
                    uses: ./.github/workflows/broken.yml
                  plain:
                    needs: call
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo plain-ran
                  final:
                    needs: call
                    if: always()
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "call-result=${{ needs.call.result }}"
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.job("call / breaks").get("status").asText()).isEqualTo("failure");
        assertThat(o.job("call / later").get("status").asText()).isEqualTo("skipped");
        assertThat(o.job("call").get("status").asText()).isEqualTo("failure");
        assertThat(o.job("plain").get("status").asText()).isEqualTo("skipped");
        assertThat(o.out()).contains("call-result=failure").doesNotContain("plain-ran").doesNotContain("later-ran");
    }

    @Test
    void aCallerWhoseIfIsFalseRunsNoneOfTheCalledJobs() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                on: push
                jobs:
                  greet:
                    if: github.event_name == 'pull_request'
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: nobody
                """).commit().run();
        assertThat(o.exit()).isZero();
        assertThat(o.jobKeys()).containsExactly("greet");
        assertThat(o.job("greet").get("status").asText()).isEqualTo("skipped");
        assertThat(o.out()).doesNotContain("who=nobody");
    }

    @Test
    void callsNestTwoLevelsPassingSecretsAndOutputsThroughEachLevel() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/inner.yml", """
                on:
                  workflow_call:
                    inputs:
                      depth:
                        type: number
                        required: true
                    secrets:
                      key:
                        required: true
                    outputs:
                      found:
                        value: ${{ jobs.leaf.outputs.v }}
                jobs:
                  leaf:
                    runs-on: ubuntu-latest
                    outputs:
                      v: ${{ steps.s.outputs.v }}
                    steps:
                      - id: s
                        run: |
                          echo "leaf depth=${{ inputs.depth }} key=${{ secrets.key }} outer=[${{ secrets.OUTER }}]"
                          echo "v=from-leaf-${{ inputs.depth }}" >> $GITHUB_OUTPUT
                """).file(".github/workflows/outer.yml", """
                on:
                  workflow_call:
                    outputs:
                      relayed:
                        value: ${{ jobs.inner.outputs.found }}
                jobs:
                  inner:
                    uses: ./.github/workflows/inner.yml
                    with:
                      depth: 2
                    secrets:
                      key: ${{ secrets.OUTER }}
                """).workflow("""
                on: push
                jobs:
                  outer:
                    uses: ./.github/workflows/outer.yml
                    secrets: inherit
                  show:
                    needs: outer
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "relayed=${{ needs.outer.outputs.relayed }}"
                """).commit().run("-s", "OUTER=outer-secret");
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.jobKeys()).containsExactly("outer / inner / leaf", "outer / inner", "outer", "show");
        assertThat(o.out()).contains("leaf depth=2 key=*** outer=[]", "relayed=from-leaf-2")
                .doesNotContain("outer-secret");
    }

    @Test
    void aCycleOfCallsIsReportedAtTheCallerBeforeAnythingRuns() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/a.yml", """
                on: workflow_call
                jobs:
                  to-b:
                    uses: ./.github/workflows/b.yml
                """).file(".github/workflows/b.yml", """
                on: workflow_call
                jobs:
                  to-a:
                    uses: ./.github/workflows/a.yml
                """).workflow("""
                on: push
                jobs:
                  start:
                    uses: ./.github/workflows/a.yml
                """).commit().run(dir.resolve("repo/.github/workflows/ci.yml").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains(".github/workflows/b.yml:4:11: error: job 'to-a' calls '.github/workflows/a.yml',"
                + " which is already being called: .github/workflows/a.yml -> .github/workflows/b.yml"
                + " -> .github/workflows/a.yml; loops in the workflow tree are not permitted [workflow-call-cycle]");
    }

    @Test
    void inputsAreCheckedAgainstTheCalledWorkflow() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                on: push
                jobs:
                  greet:
                    uses: ./.github/workflows/greet.yml
                    with:
                      whom: typo
                      loud: maybe
                """).commit().run(dir.resolve("repo/.github/workflows/ci.yml").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("ci.yml:4:11: error: job 'greet' does not give the required input 'who' of"
                        + " '.github/workflows/greet.yml'; add it under 'with' [missing-input]",
                "ci.yml:6:7: error: '.github/workflows/greet.yml' has no input 'whom'; its inputs: who, times, loud"
                        + " [unknown-input]",
                "ci.yml:7:13: error: input 'loud' is a boolean, and 'maybe' is not");
    }

    @Test
    void anExpressionOfTheWrongTypeFailsTheCallerWithAClearMessage() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                on: push
                jobs:
                  greet:
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: x
                      times: ${{ github.event_name }}
                """).commit().run();
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.jobKeys()).containsExactly("greet");
        assertThat(o.job("greet").get("reason").asText())
                .isEqualTo("jobs.greet.with.times: input 'times' is a number, and 'push' is not");
    }

    @Test
    void aDryRunShowsTheCalledJobs() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/workflows/greet.yml", GREET).workflow("""
                on: push
                jobs:
                  greet:
                    strategy:
                      matrix:
                        who: [ann, bob]
                    uses: ./.github/workflows/greet.yml
                    with:
                      who: ${{ matrix.who }}
                """).commit().run(dir.resolve("repo/.github/workflows/ci.yml").toString(), "-n");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).containsSubsequence("greet (ann)", "greet (ann) / say", "greet (bob)", "greet (bob) / say");
    }

    @Test
    void aRemoteReusableWorkflowIsFetchedFromTheServerByTagAndThenServedOffline() throws Exception {
        System.setProperty("gantry.cache.dir", dir.resolve("cache/store").toString());
        System.setProperty("gantry.github.url", dir.resolve("srv").toUri().toString().replaceAll("/$", ""));
        try {
            new GantryProcess(dir.resolve("srv/acme/flows")).file(".github/workflows/build.yml", """
                    on:
                      workflow_call:
                        inputs:
                          target: {type: string, default: all}
                        outputs:
                          artifact: {value: '${{ jobs.make.outputs.name }}'}
                    jobs:
                      make:
                        runs-on: ubuntu-latest
                        outputs:
                          name: ${{ steps.m.outputs.name }}
                        steps:
                          - id: m
                            run: echo "name=app-${{ inputs.target }}" >> "$GITHUB_OUTPUT"
                    """).commit();
            try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.open(dir.resolve("srv/acme/flows").toFile())) {
                g.tag().setName("v1").setAnnotated(true).setMessage("v1").call();
            }
            GantryProcess repo = new GantryProcess(dir.resolve("repo")).workflow("""
                    on: push
                    jobs:
                      build:
                        uses: acme/flows/.github/workflows/build.yml@v1
                        with:
                          target: linux
                      show:
                        needs: build
                        runs-on: ubuntu-latest
                        steps:
                          - run: echo "built ${{ needs.build.outputs.artifact }}"
                    """).commit();

            GantryProcess.Outcome online = repo.run();
            assertThat(online.exit()).as(online.out() + online.err()).isZero();
            assertThat(online.out()).contains("built app-linux");
            assertThat(online.jobKeys()).contains("build / make");

            java.nio.file.Files.move(dir.resolve("srv"), dir.resolve("srv-away"));
            GantryProcess.Outcome offline = repo.run("--offline");
            assertThat(offline.exit()).as(offline.out() + offline.err()).isZero();
            assertThat(offline.out()).contains("built app-linux");
        } finally {
            System.clearProperty("gantry.cache.dir");
            System.clearProperty("gantry.github.url");
        }
    }

    @Test
    void withRefTheCalledLocalWorkflowComesFromThatRevisionToo() throws Exception {
        String called = """
                on: workflow_call
                jobs:
                  inner:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "called %s"
                """;
        GantryProcess repo = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  call:
                    uses: ./.github/workflows/called.yml
                """).file(".github/workflows/called.yml", called.formatted("v1")).commit();
        repo.file(".github/workflows/called.yml", called.formatted("v2")).commit();

        GantryProcess.Outcome o = repo.run("--ref", "HEAD~1");

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("called v1").doesNotContain("called v2");
    }
}

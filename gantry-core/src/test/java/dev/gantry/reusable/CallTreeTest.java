package dev.gantry.reusable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.Format;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.plan.PlannedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallTreeTest {

    /** Workflow files by display name ({@code path} or {@code owner/repo/path@ref}); remote ones only when given. */
    private final Map<String, String> files = new HashMap<>();

    private final WorkflowSource source = ref -> {
        String text = files.get(ref.display());
        if (text == null) {
            throw new WorkflowSource.Unavailable("no such file");
        }
        return Optional.of(text);
    };

    private CallTreeTest file(String name, String text) {
        files.put(name, text);
        return this;
    }

    private static String caller(String uses) {
        return """
                on: workflow_call
                jobs:
                  next:
                    uses: %s
                """.formatted(uses);
    }

    private List<String> problems(String top) {
        return CallTree.resolve(WorkflowRef.local(top), source).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void tenLevelsOfWorkflowsAreAllowedAndAnEleventhIsAnError() {
        for (int i = 1; i < 10; i++) {
            file(".github/workflows/w" + i + ".yml", caller("./.github/workflows/w" + (i + 1) + ".yml"));
        }
        file(".github/workflows/w10.yml", """
                on: workflow_call
                jobs:
                  leaf:
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        assertThat(problems(".github/workflows/w1.yml")).isEmpty();

        file(".github/workflows/w10.yml", caller("./.github/workflows/w11.yml"));
        file(".github/workflows/w11.yml", caller("./.github/workflows/w1.yml").replace("uses: ./.github/workflows/w1.yml",
                "runs-on: x\n    steps:\n      - run: true"));
        assertThat(problems(".github/workflows/w1.yml")).containsExactly(".github/workflows/w10.yml:4:11: error: job"
                + " 'next' calls '.github/workflows/w11.yml' at level 11; GitHub connects at most 10 levels of"
                + " workflows (the caller and nine levels of reusable workflows) [workflow-call-depth]");
    }

    @Test
    void aSelfRepositoryReferenceNamesAFileOfTheCallersRepositoryAtItsRef() {
        file("ci.yml", caller("$/.github/workflows/build.yml"));
        file(".github/workflows/build.yml", """
                on: workflow_call
                jobs:
                  work:
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        CallTree tree = CallTree.resolve(WorkflowRef.local("ci.yml"), source);
        assertThat(tree.diagnostics()).isEmpty();
        assertThat(tree.called(WorkflowRef.local("ci.yml"), "next").orElseThrow().ref())
                .isEqualTo(WorkflowRef.local(".github/workflows/build.yml"));
    }

    @Test
    void aWorkflowCallingItselfIsACycle() {
        file(".github/workflows/self.yml", caller("./.github/workflows/self.yml"));
        assertThat(problems(".github/workflows/self.yml")).singleElement().asString()
                .contains("[workflow-call-cycle]", ".github/workflows/self.yml -> .github/workflows/self.yml");
    }

    @Test
    void aLocalCallInsideARemoteWorkflowNamesAFileOfThatRepositoryAtTheSameRef() {
        file("ci.yml", caller("octo/tools/.github/workflows/entry.yml@v2"));
        file("octo/tools/.github/workflows/entry.yml@v2", caller("./.github/workflows/helper.yml"));
        file("octo/tools/.github/workflows/helper.yml@v2", """
                on: workflow_call
                jobs:
                  work:
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        CallTree tree = CallTree.resolve(WorkflowRef.local("ci.yml"), source);
        assertThat(tree.diagnostics()).isEmpty();
        CalledWorkflow entry = tree.called(WorkflowRef.local("ci.yml"), "next").orElseThrow();
        assertThat(tree.called(entry.ref(), "next").orElseThrow().ref())
                .isEqualTo(new WorkflowRef("octo/tools", ".github/workflows/helper.yml", "v2"));
    }

    @Test
    void secretsAreCheckedUnlessInherited() {
        file(".github/workflows/deploy.yml", """
                on:
                  workflow_call:
                    secrets:
                      key:
                        required: true
                jobs:
                  go:
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        file("explicit.yml", """
                on: push
                jobs:
                  d:
                    uses: ./.github/workflows/deploy.yml
                    secrets:
                      kye: x
                """);
        file("inherit.yml", """
                on: push
                jobs:
                  d:
                    uses: ./.github/workflows/deploy.yml
                    secrets: inherit
                """);
        assertThat(problems("explicit.yml")).containsExactly(
                "explicit.yml:4:11: error: job 'd' does not pass the required secret 'key' of '.github/workflows/deploy.yml';"
                        + " add it under 'secrets' or use 'secrets: inherit' [missing-secret]",
                "explicit.yml:6:7: error: '.github/workflows/deploy.yml' has no secret 'kye'; its secrets: key [unknown-secret]");
        assertThat(problems("inherit.yml")).isEmpty();
    }

    @Test
    void errorsInsideACalledFileAreReportedThereAndAtTheCall() {
        file("ci.yml", caller("./.github/workflows/bad.yml").replace("workflow_call", "push"));
        file(".github/workflows/bad.yml", """
                on: workflow_call
                jobs:
                  x:
                    runs-on: ubuntu-latest
                """);
        assertThat(problems("ci.yml")).containsExactly(
                ".github/workflows/bad.yml:3:3: error: job 'x' has neither 'steps' nor 'uses' [missing-steps]",
                "ci.yml:4:11: error: '.github/workflows/bad.yml' has errors (reported at the file) [called-workflow-unavailable]");
    }

    @Test
    void aSourceThatDoesNotLookAtRemoteWorkflowsLeavesThoseCallsUnchecked() {
        WorkflowSource localOnly = ref -> ref.remote() ? Optional.empty() : source.read(ref);
        file("ci.yml", caller("octo/tools/.github/workflows/entry.yml@v2"));
        CallTree tree = CallTree.resolve(WorkflowRef.local("ci.yml"), localOnly);
        assertThat(tree.diagnostics()).isEmpty();
        assertThat(tree.called(WorkflowRef.local("ci.yml"), "next")).isEmpty();
    }

    @Test
    void theDryRunPlanListsEachCallerLegFollowedByTheJobsItCalls() {
        file(".github/workflows/lib.yml", """
                on: workflow_call
                jobs:
                  one:
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                  two:
                    needs: one
                    strategy:
                      matrix:
                        n: [1, 2]
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        String top = """
                on: push
                jobs:
                  call:
                    name: Call
                    strategy:
                      matrix:
                        env: [dev, prod]
                    uses: ./.github/workflows/lib.yml
                """;
        file("ci.yml", top);
        Pipeline workflow = PipelineLoader.load("ci.yml", new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.of(top);
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        }, Format.GITHUB).pipeline();
        CallTree tree = CallTree.resolve(WorkflowRef.local("ci.yml"), source);
        List<PlannedJob> plan = tree.withCalledJobs(GithubPlanner.plan(workflow, Set.of(), false), WorkflowRef.local("ci.yml"));
        assertThat(plan).extracting(PlannedJob::key).containsExactly("call (dev)", "call (dev) / one",
                "call (dev) / two (1)", "call (dev) / two (2)", "call (prod)", "call (prod) / one",
                "call (prod) / two (1)", "call (prod) / two (2)");
        PlannedJob leg = plan.get(2);
        assertThat(leg.displayName()).isEqualTo("Call (dev) / two (1)");
        assertThat(leg.scheduling().group()).isEqualTo("call (dev) / two");
        assertThat(leg.scheduling().predecessors()).containsExactly("call (dev) / one");
        assertThat(plan.get(0).deferred()).isTrue();
    }

    @Test
    void theDryRunNamesCalledJobsByTheirInputsWhenTheCallerLegsMatrixDecidesThem() {
        // nodejs/undici's ci.yml: `name: Test ${{ inputs.codecov && 'and Coverage ' || '' }}with Node.js ...`
        file(".github/workflows/nodejs.yml", """
                on:
                  workflow_call:
                    inputs:
                      node-version: {type: string, required: true}
                      codecov: {type: boolean, default: false}
                      label: {type: string, default: '${{ github.ref }}'}
                jobs:
                  test:
                    name: Test ${{ inputs.codecov && 'and Coverage ' || '' }}with Node.js ${{ inputs.node-version }}
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                  later:
                    name: Later ${{ inputs.label }}
                    runs-on: ubuntu-latest
                    steps:
                      - run: true
                """);
        String top = """
                on: push
                jobs:
                  test:
                    name: Test ${{ matrix.node }}
                    strategy:
                      matrix:
                        node: ['20', '22']
                    uses: ./.github/workflows/nodejs.yml
                    with:
                      node-version: ${{ matrix.node }}
                      codecov: ${{ matrix.node == '22' }}
                """;
        file("ci.yml", top);
        Pipeline workflow = PipelineLoader.load("ci.yml", new SourceFiles() {
            @Override
            public Optional<String> read(String path) {
                return Optional.of(top);
            }

            @Override
            public List<String> glob(String glob) {
                return List.of();
            }
        }, Format.GITHUB).pipeline();
        CallTree tree = CallTree.resolve(WorkflowRef.local("ci.yml"), source);
        List<PlannedJob> plan = tree.withCalledJobs(GithubPlanner.plan(workflow, Set.of(), false), WorkflowRef.local("ci.yml"));
        assertThat(plan).extracting(PlannedJob::displayName).containsExactly("Test 20",
                "Test 20 / Test with Node.js 20", "Test 20 / Later ${{ inputs.label }}", "Test 22",
                "Test 22 / Test and Coverage with Node.js 22", "Test 22 / Later ${{ inputs.label }}");
    }
}

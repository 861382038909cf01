package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What lint says about expressions, beyond the fixture corpus: places that only show with aliases,
 * keys, non-string scalars and many expressions in one value.
 */
class ExpressionCheckTest {

    private static List<String> lint(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        GithubFrontEnd.parse("w.yml", YamlLoader.load("w.yml", yaml, diagnostics).orElseThrow(), diagnostics);
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void anAliasIsCheckedInEveryJobThatUsesIt() {
        assertThat(lint("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make
                  b:
                    needs: a
                    runs-on: ubuntu-latest
                    env: &env
                      V: ${{ needs.a.outputs.v }}
                    steps:
                      - run: make
                  c:
                    runs-on: ubuntu-latest
                    env: *env
                    steps:
                      - run: make
                """)).containsExactly("w.yml:11:14: error: job 'c' reads 'needs.a' but does not need 'a'; add it to"
                + " 'needs' [undeclared-need]");
    }

    @Test
    void keysAreNotEvaluatedAndScalarsOfOtherTypesNeedNoCheck() {
        assertThat(lint("""
                on: push
                jobs:
                  build:
                    if: false
                    runs-on: ubuntu-latest
                    timeout-minutes: 5
                    steps:
                      - run: make
                        if: true
                        env:
                          ${{ not a key }}: x
                """)).isEmpty();
    }

    @Test
    void eachProblemOfALongValueIsReportedAtItsOwnColumn() {
        assertThat(lint("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ steps.a.outputs.x }} ${{ steps.b.outputs.y }} ${{ secrets.OK }}
                """)).containsExactly(
                "w.yml:6:23: error: job 'build' has no step with id 'a' [unknown-step]",
                "w.yml:6:48: error: job 'build' has no step with id 'b' [unknown-step]");
    }

    @Test
    void onlyTheFirstSyntaxErrorOfAValueIsReported() {
        assertThat(lint("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ github.sha == }} ${{ nope }}
                """)).containsExactly("w.yml:6:36: error: invalid expression: unexpected end of expression [expression]");
    }

    @Test
    void inputsAreNotCheckedWhenTheWorkflowDeclaresNone() {
        assertThat(lint("""
                on: [push, workflow_dispatch]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ inputs.debug || false }}"
                """)).isEmpty();
    }

    @Test
    void aStepKeyShapedLikeAPositionDoesNotConfuseTheChecks() {
        assertThat(lint("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps[x]:
                      if: ${{ github.sha }}
                    steps:
                      - run: make
                """)).containsExactly("w.yml:5:5: error: unknown key 'steps[x]' in job 'build' [unknown-key]");
    }
}

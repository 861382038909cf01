package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static dev.gantry.gitlab.GitlabTesting.lines;
import static dev.gantry.gitlab.GitlabTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code !reference} tags and the flattening of scripts. */
class ReferenceTest {

    private static List<StepAction.ScriptLine> scriptLines(Step step) {
        return ((StepAction.Script) step.action()).lines();
    }

    private static List<String> commands(Step step) {
        return scriptLines(step).stream().map(StepAction.ScriptLine::command).toList();
    }

    @Test
    void scriptsFlattenReferencesAndNestedListsAndEveryLineKeepsItsPosition() {
        Pipeline p = clean("""
                .setup:
                  script:
                    - echo setup
                .teardown:
                  after_script: [echo teardown]
                job:
                  before_script:
                    - [echo a, [echo b]]
                  script:
                    - !reference [.setup, script]
                    - echo own
                  after_script:
                    - !reference [.teardown, after_script]
                """);
        Job job = job(p, "job");
        assertThat(job.steps()).extracting(Step::id).containsExactly("script", "after_script");
        assertThat(commands(job.steps().get(0))).containsExactly("echo a", "echo b", "echo setup", "echo own");
        assertThat(scriptLines(job.steps().get(0))).extracting(l -> l.range().line() + ":" + l.range().column())
                .containsExactly("8:8", "8:17", "3:7", "11:7");
        assertThat(commands(job.steps().get(1))).containsExactly("echo teardown");
    }

    @Test
    void referencesNestAndSeeExtendedKeys() {
        Pipeline p = clean("""
                .snippets:
                  one: [echo one]
                  two:
                    - !reference [.snippets, one]
                    - echo two
                .base: {variables: {A: a}}
                .child: {extends: .base}
                job:
                  script:
                    - !reference [.snippets, two]
                  variables: !reference [.child, variables]
                """);
        assertThat(commands(job(p, "job").steps().get(0))).containsExactly("echo one", "echo two");
        assertThat(job(p, "job").env()).extracting(v -> v.name()).containsExactly("A");
    }

    /**
     * gitlab-ci-local #1562 and GitLab issue 383802: GitLab merges {@code extends} before it resolves
     * references, and a {@code !reference} is no mapping to merge into, so whichever of the two sides
     * is the job's own replaces the other whole: the template's referenced variables are lost under the
     * job's mapping, and a job's referenced variables replace the template's.
     */
    @Test
    void extendsMergesBeforeReferencesResolveSoAReferenceAndAMappingDoNotMerge() {
        Pipeline p = clean("""
                .somevariables:
                  variables: {HESTHEST: ponypony}
                .something:
                  variables: !reference [.somevariables, variables]
                test-job:
                  extends: [.something]
                  variables: {NICENESS: byrdalos}
                  script: [echo]
                .vars-1:
                  variables: {VAR_1: one}
                .vars-2:
                  variables: {VAR_2: two}
                test-all-vars:
                  extends: .vars-1
                  variables: !reference [.vars-2, variables]
                  script: [echo]
                """);
        assertThat(job(p, "test-job").env()).extracting(v -> v.name() + "=" + v.value())
                .containsExactly("NICENESS=byrdalos");
        assertThat(job(p, "test-all-vars").env()).extracting(v -> v.name() + "=" + v.value())
                .containsExactly("VAR_2=two");
    }

    @Test
    void referencesWorkInRulesAndSingleValues() {
        Pipeline p = clean("""
                .rules:
                  rules:
                    - if: $CI_COMMIT_TAG
                .vars: {variables: {IMAGE: "alpine:3"}}
                job:
                  image: !reference [.vars, variables, IMAGE]
                  rules:
                    - !reference [.rules, rules]
                    - when: manual
                  script: [x]
                """);
        Job job = job(p, "job");
        assertThat(job.container().image()).isEqualTo("alpine:3");
        assertThat(((dev.gantry.model.Condition.Rules) job.condition()).rules()).hasSize(2);
    }

    @Test
    void aMissingKeyIsReportedWithAHint() {
        assertThat(lines(load("""
                .setup: {script: [x]}
                job:
                  script:
                    - !reference [.setup, scripts]
                    - !reference [.stup, script]
                """))).containsExactly(
                ".gitlab-ci.yml:4:7: error: !reference [.setup, scripts]: '.setup' has no key 'scripts'; did you mean"
                        + " 'script'? [reference-missing]",
                ".gitlab-ci.yml:5:7: error: !reference [.stup, script]: '.stup' is not defined; did you mean '.setup'?"
                        + " [reference-missing]");
    }

    @Test
    void aCircularReferenceIsNamed() {
        assertThat(lines(load("""
                .a:
                  script:
                    - !reference [.b, script]
                .b:
                  script:
                    - !reference [.a, script]
                job:
                  script: [x]
                """))).containsExactly(
                ".gitlab-ci.yml:3:7: error: circular !reference: [.b, script] -> [.a, script] -> [.b, script]"
                        + " [reference-cycle]");
    }

    @Test
    void tenLevelsOfNestingAreAllowedElevenAreNot() {
        StringBuilder yaml = new StringBuilder(".s:\n  l0: [echo deepest]\n");
        for (int i = 1; i <= 10; i++) {
            yaml.append("  l").append(i).append(": [!reference [.s, l").append(i - 1).append("]]\n");
        }
        assertThat(lines(load(yaml + "job:\n  script: [!reference [.s, l9]]\n"))).isEmpty();
        assertThat(lines(load(yaml + "job:\n  script: [!reference [.s, l10]]\n"))).singleElement().asString()
                .endsWith("error: !reference [.s, l0] is nested more than 10 levels deep [reference-depth]");
    }

    @Test
    void otherTagsAreUnknown() {
        assertThat(lines(load("job:\n  script: [!include other.sh]\n"))).containsExactly(
                ".gitlab-ci.yml:2:12: error: unknown YAML tag '!include'; GitLab knows only !reference [unknown-tag]");
    }
}

package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static dev.gantry.gitlab.GitlabTesting.lines;
import static dev.gantry.gitlab.GitlabTesting.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Rule;
import dev.gantry.model.Step;
import dev.gantry.model.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unquoted scalars that GitLab's YAML 1.1 parser (Psych) reads differently from Gantry's YAML 1.2
 * layer: {@code yes}/{@code on} booleans, floats in variables, numbers in a matrix.
 */
class Yaml11ScalarsTest {

    @Test
    void yesNoOnOffInAnyCaseAreBooleansWhereGitlabExpectsOne() {
        Pipeline p = clean("""
                default:
                  before_script: [setup]
                flaky:
                  script: [x]
                  allow_failure: yes
                  interruptible: On
                  artifacts: {paths: [out/], untracked: YES}
                  cache: {paths: [c/], untracked: no}
                  needs:
                    - {job: build, optional: yEs, artifacts: off}
                  inherit: {default: No}
                build:
                  stage: build
                  script: [x]
                  rules:
                    - if: $CI_COMMIT_TAG
                      allow_failure: ON
                  variables:
                    RAW: {value: $HOME, expand: off}
                """);
        Job flaky = job(p, "flaky");
        assertThat(flaky.allowFailure()).isEqualTo(AllowFailure.YES);
        assertThat(((GitlabJob) flaky.details()).interruptible()).isTrue();
        assertThat(flaky.artifacts().untracked()).isTrue();
        assertThat(flaky.caches().getFirst().untracked()).isFalse();
        assertThat(flaky.needs()).extracting(Need::optional, Need::artifacts).containsExactly(
                tuple(true, false));
        assertThat(flaky.steps()).as("inherit: {default: No} keeps before_script out").extracting(Step::id)
                .containsExactly("script");
        Job build = job(p, "build");
        assertThat(((Condition.Rules) build.condition()).rules()).extracting(Rule::allowFailure)
                .containsExactly(AllowFailure.YES);
        assertThat(build.env()).extracting(Variable::name, Variable::expand).containsExactly(
                tuple("RAW", false));
    }

    @Test
    void singleLettersAndQuotedWordsAreNoBooleansToPsych() {
        assertThat(lines(load("""
                a: {script: [x], allow_failure: y}
                b: {script: [x], interruptible: "yes"}
                c: {script: [x], allow_failure: 'off'}
                """))).containsExactly(
                ".gitlab-ci.yml:1:33: error: 'allow_failure' must be true, false or a mapping with 'exit_codes', "
                        + "not a string [wrong-type]",
                ".gitlab-ci.yml:2:33: error: 'interruptible' must be true or false, not a string [wrong-type]",
                ".gitlab-ci.yml:3:33: error: 'allow_failure' must be true, false or a mapping with 'exit_codes', "
                        + "not a string [wrong-type]");
    }

    @Test
    void variablesTakeTheTextOfThePsychBooleanOrFloat() {
        Pipeline p = clean("""
                variables:
                  YES_WORD: yes
                  OFF_WORD: Off
                  TRUE_WORD: TRUE
                  FALSE_WORD: false
                  LETTER: y
                  QUOTED: "on"
                  DETAILED: {value: on, description: a boolean to GitLab}
                j:
                  variables:
                    PYTHON: 3.10
                    UBUNTU: 18.04
                    ONE: 1.0
                    POINT: 2.
                    GROUPED: 1_000.5
                    EXPONENT: 1.5e+3
                    NO_EXPONENT_SIGN: 1.5e3
                    NO_POINT: 1e+3
                    HALF: -.5
                    TINY: 0.00001
                    SMALL: 0.0001
                    BIG: 1000000000000000.0
                    LONG: 123456789012345.0
                    INF: .inf
                    MINUS_INF: -.Inf
                    NAN: .NaN
                    VERSION: 1.2.3
                    QUOTED: "3.10"
                  script: [x]
                """);
        assertThat(p.variables()).extracting(Variable::value)
                .containsExactly("true", "false", "true", "false", "y", "on", "true");
        assertThat(job(p, "j").env()).extracting(Variable::value).containsExactly(
                "3.1", "18.04", "1.0", "2.0", "1000.5", "1500.0", "1.5e3", "1e+3", "-0.5", "1.0e-05", "0.0001",
                "1.0e+15", "123456789012345.0", "Infinity", "-Infinity", "NaN", "1.2.3", "3.10");
    }

    @Test
    void colonSeparatedNumbersAreBase60ToPsych() {
        Pipeline p = clean("""
                variables:
                  BACKUP_AT: 02:00
                  HMS: 190:20:30
                  GROUPED: 1_0:30
                  FRACTION: 190:20:30.15
                  PORTS: 8080:80
                  TOO_MANY: 1:2:3:4
                  QUOTED: "02:00"
                j:
                  script: [x]
                  parallel:
                    matrix:
                      - AT: [1:30, "1:30"]
                """);
        assertThat(p.variables()).extracting(Variable::value)
                .containsExactly("7200", "685230", "37800", "685230.15", "8080:80", "1:2:3:4", "02:00");
        assertThat(job(p, "j").matrix().axisSets()).containsExactly(Map.of("AT", List.of("5400", "1:30")));
    }

    @Test
    void aBooleanInputTakesYesAndInterpolatesAsTrue() {
        MemoryFiles files = new MemoryFiles()
                .with(".gitlab-ci.yml", """
                        include:
                          - local: flaky.yml
                            inputs: {tolerate: yes, label: "on"}
                        """)
                .with("flaky.yml", """
                        spec:
                          inputs:
                            tolerate: {type: boolean, default: no}
                            label: {type: string}
                        ---
                        flaky:
                          allow_failure: $[[ inputs.tolerate ]]
                          script: ["./run --tolerate=$[[ inputs.tolerate ]] --label=$[[ inputs.label ]]"]
                        """);
        Job flaky = job(clean(files), "flaky");
        assertThat(flaky.allowFailure()).isEqualTo(AllowFailure.YES);
        assertThat(flaky.steps().getFirst().action().toString()).contains("./run --tolerate=true --label=on");
    }

    @Test
    void aStringInputRefusesAPlainOn() {
        MemoryFiles files = new MemoryFiles()
                .with(".gitlab-ci.yml", "include:\n  - local: a.yml\n    inputs: {label: on}\n")
                .with("a.yml", "spec:\n  inputs:\n    label:\n---\nj:\n  script:\n    - echo $[[ inputs.label ]]\n");
        assertThat(lines(load(files))).containsExactly(".gitlab-ci.yml:3:21: error: input 'label' of a.yml must be a string,"
                + " not a boolean ('on' is true to GitLab's YAML 1.1 parser; quote it for a string) [input-wrong-type]");
    }

    @Test
    void ruleAndServiceVariablesTakeBooleansToo() {
        Pipeline p = clean("""
                j:
                  script: [x]
                  rules:
                    - variables: {DEBUG: on}
                """);
        assertThat(((Condition.Rules) job(p, "j").condition()).rules().getFirst().variables())
                .extracting(Variable::value).containsExactly("true");
    }

    @Test
    void aNullVariableIsStillRefused() {
        assertThat(lines(load("variables:\n  EMPTY:\nj: {script: [x]}\n"))).singleElement().asString()
                .contains("'variables:EMPTY' must be a string, a number, a boolean or a mapping with 'value', not null");
    }

    @Test
    void matrixIntegersTakeThePsychValue() {
        Pipeline p = clean("""
                j:
                  script: [x]
                  parallel:
                    matrix:
                      - MODE: 0755
                        SIZE: [010, 1_000, "010"]
                """);
        assertThat(job(p, "j").matrix().axisSets()).containsExactly(
                Map.of("MODE", "493", "SIZE", List.of("8", "1000", "010")));
    }

    @Test
    void matrixFloatsAndBooleansMustBeQuoted() {
        assertThat(lines(load("""
                j:
                  script: [x]
                  parallel:
                    matrix:
                      - PYTHON: [3.9, "3.10"]
                        DEBUG: on
                        OK: "on"
                """))).containsExactly(
                ".gitlab-ci.yml:5:18: error: 'parallel:matrix:PYTHON' must be a sequence of strings, not '3.9', "
                        + "which GitLab's YAML 1.1 parser reads as the float 3.9; quote it [wrong-type]",
                ".gitlab-ci.yml:6:16: error: 'parallel:matrix:DEBUG' must be a string or a sequence of strings, "
                        + "not 'on', which GitLab's YAML 1.1 parser reads as the boolean true; quote it [wrong-type]");
    }
}

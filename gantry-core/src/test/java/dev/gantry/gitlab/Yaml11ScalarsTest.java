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

    /** GitLab takes a null variable as a mapping without 'value' (gitlab-ci-local #1095): allowed globally and in jobs. */
    @Test
    void aNullVariableIsEmptyGloballyAndInAJobButRefusedInRules() {
        Pipeline p = clean("""
                variables:
                  TILDE: ~
                  WORD: NULL
                  EMPTY:
                  DETAILED: {value: null, description: nothing}
                j:
                  variables:
                    OWN: ~
                  script: [x]
                """);
        assertThat(p.variables()).extracting(Variable::name, Variable::value).containsExactly(
                tuple("TILDE", ""), tuple("WORD", ""), tuple("EMPTY", ""), tuple("DETAILED", ""));
        assertThat(job(p, "j").env()).extracting(Variable::name, Variable::value).containsExactly(tuple("OWN", ""));
        assertThat(lines(load("j:\n  script: [x]\n  rules:\n    - variables: {EMPTY: ~}\n"))).containsExactly(
                ".gitlab-ci.yml:4:26: error: 'variables:EMPTY' must be a string, a number or a boolean, not null"
                        + " [wrong-type]");
    }

    /** Psych's safe loader permits neither Date nor Time (GitLab issue 260424): the file is refused. */
    @Test
    void aPlainDateOrTimestampAnywhereRefusesTheFile() {
        assertThat(lines(load("""
                variables:
                  RELEASED: 2024-01-01
                  SHORT: 2024-1-5
                  QUOTED: "2024-01-01"
                  NOT_A_MONTH: 2024-13-01
                  VERSION: 2024-01-01-rc1
                j:
                  script: [x]
                  release:
                    tag_name: v1
                    description: d
                    released_at: 2021-03-15T08:00:00Z
                  environment: {name: 2024-02-30}
                """))).containsExactly(
                ".gitlab-ci.yml:2:13: error: '2024-01-01' is a date to GitLab's YAML 1.1 parser, which refuses the"
                        + " file (\"Tried to load unspecified class: Date\"); quote it [unquoted-date]",
                ".gitlab-ci.yml:3:10: error: '2024-1-5' is a date to GitLab's YAML 1.1 parser, which refuses the"
                        + " file (\"Tried to load unspecified class: Date\"); quote it [unquoted-date]",
                ".gitlab-ci.yml:12:18: error: '2021-03-15T08:00:00Z' is a timestamp to GitLab's YAML 1.1 parser,"
                        + " which refuses the file (\"Tried to load unspecified class: Time\"); quote it [unquoted-date]",
                ".gitlab-ci.yml:13:23: error: '2024-02-30' is a date to GitLab's YAML 1.1 parser, which refuses the"
                        + " file (\"Tried to load unspecified class: Date\"); quote it [unquoted-date]");
    }

    @Test
    void keywordsThatTakeAStringRefuseAPlainYesOrOff() {
        assertThat(lines(load("""
                stages: [build, on]
                a:
                  stage: on
                  when: On
                  image: yes
                  environment: no
                  resource_group: off
                  tags: [off]
                  needs: [no]
                  script:
                    - yes
                b:
                  stage: build
                  script: [echo "on"]
                """))).containsExactly(
                ".gitlab-ci.yml:1:17: error: 'stages' must be a sequence of strings, not a boolean ('on' is true to"
                        + " GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:3:10: error: 'stage' must be a string, not a boolean ('on' is true to GitLab's YAML"
                        + " 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:4:9: error: 'when' must be a string, not a boolean ('On' is true to GitLab's YAML"
                        + " 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:5:10: error: 'image' must be a string, not a boolean ('yes' is true to GitLab's YAML"
                        + " 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:6:16: error: 'environment' must be a string, not a boolean ('no' is false to"
                        + " GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:7:19: error: 'resource_group' must be a string, not a boolean ('off' is false to"
                        + " GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:8:10: error: 'tags' must be a sequence of strings, not a boolean ('off' is false to"
                        + " GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:9:11: error: 'needs' must be a sequence of job names or mappings with 'job', not a"
                        + " boolean ('no' is false to GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]",
                ".gitlab-ci.yml:11:7: error: 'script' must be a string or a sequence of strings, not a boolean ('yes'"
                        + " is true to GitLab's YAML 1.1 parser; quote it for a string) [wrong-type]");
    }

    /**
     * "CI/CD YAML syntax reference#variables:options": GitLab compares the value as Psych typed it
     * with the options, which must be strings, so an unquoted number or boolean is never one of them.
     */
    @Test
    void optionsAreStringsAndTheValueIsComparedAsGitlabsYamlParserTypesIt() {
        Pipeline p = clean("""
                variables:
                  LEVEL: {value: "1", options: ["1", "2"]}
                  FLAG: {value: "on", options: ["on", "off"]}
                  PYTHON: {value: "3.10", options: ["3.9", "3.10"]}
                j: {script: [x]}
                """);
        assertThat(p.variables()).extracting(Variable::value).containsExactly("1", "on", "3.10");
        assertThat(lines(load("""
                variables:
                  LEVEL: {value: 1, options: ["1", "2"]}
                  FLAG: {value: on, options: ["true", "on"]}
                  PYTHON: {value: 3.10, options: ["3.1", "3.10"]}
                  BARE: {options: [a, b]}
                  NUMBERS: {value: "1", options: [1, "1"]}
                  OTHER: {value: c, options: [a, b]}
                j: {script: [x]}
                """))).containsExactly(
                ".gitlab-ci.yml:2:18: error: the value of variable 'LEVEL' is a number, and options are strings:"
                        + " it can never be one of them [invalid-value]",
                ".gitlab-ci.yml:3:17: error: the value of variable 'FLAG' is a boolean ('on' is true to GitLab's"
                        + " YAML 1.1 parser; quote it for a string), and options are strings: it can never be one of"
                        + " them [invalid-value]",
                ".gitlab-ci.yml:4:19: error: the value of variable 'PYTHON' is a number, and options are strings:"
                        + " it can never be one of them [invalid-value]",
                ".gitlab-ci.yml:5:3: error: variable 'BARE' has options, so it needs a 'value' that is one of them"
                        + " [invalid-value]",
                ".gitlab-ci.yml:6:35: error: 'variables:NUMBERS:options' must be a sequence of strings, not a number"
                        + " [wrong-type]",
                ".gitlab-ci.yml:7:18: error: the value 'c' of variable 'OTHER' is not one of its options"
                        + " [invalid-value]");
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

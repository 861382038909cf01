package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static dev.gantry.gitlab.GitlabTesting.lines;
import static dev.gantry.gitlab.GitlabTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.StepAction;
import dev.gantry.model.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML merge keys and {@code extends}: who wins, what merges deep, what is replaced. */
class ExtendsAndMergeTest {

    private static List<String> variables(Job job) {
        return job.env().stream().map(v -> v.name() + "=" + v.value()).toList();
    }

    private static List<String> script(Job job) {
        return ((StepAction.Script) job.steps().get(0).action()).lines().stream()
                .map(StepAction.ScriptLine::command).toList();
    }

    @Test
    void mergeKeysEarlierAnchorWinsLocalWinsAndVariablesAreReplacedWhole() {
        Pipeline p = clean("""
                .a: &a
                  stage: build
                  image: alpine:a
                  variables: {A: "1", B: "2"}
                .b: &b
                  stage: deploy
                  image: alpine:b
                  tags: [from-b]
                  script: [echo b]
                job:
                  <<: [*a, *b]
                  image: local
                  variables: {C: "3"}
                """);
        Job job = job(p, "job");
        assertThat(job.stage()).as("*a wins over *b").isEqualTo("build");
        assertThat(job.container().image()).as("local keys win over both").isEqualTo("local");
        assertThat(job.runsOn()).as("keys only *b has are merged").containsExactly("from-b");
        assertThat(variables(job)).as("a merge is shallow: the local map replaces *a's").containsExactly("C=3");
    }

    @Test
    void laterTemplateWinsAndTheJobWinsOverBoth() {
        Pipeline p = clean("""
                .a: {stage: build, image: a, script: [echo a]}
                .b: {stage: deploy, image: b}
                job:
                  extends: [.a, .b]
                  image: own
                """);
        Job job = job(p, "job");
        assertThat(job.stage()).isEqualTo("deploy");
        assertThat(job.container().image()).isEqualTo("own");
        assertThat(script(job)).containsExactly("echo a");
    }

    @Test
    void hashesMergeDeepAcrossTwoLevelsAndArraysAreReplaced() {
        Pipeline p = clean("""
                .base:
                  variables: {A: base, B: base}
                  script: [echo one, echo two]
                  artifacts: {paths: [a/, b/], expire_in: 1 week}
                .middle:
                  extends: .base
                  variables: {B: middle, C: middle}
                  artifacts: {paths: [c/]}
                job:
                  extends: .middle
                  variables: {C: job, D: job}
                  script: [echo three]
                """);
        Job job = job(p, "job");
        assertThat(variables(job)).containsExactly("A=base", "B=middle", "C=job", "D=job");
        assertThat(script(job)).containsExactly("echo three");
        assertThat(job.artifacts().paths()).containsExactly("c/");
        assertThat(job.artifacts().expireIn()).isEqualTo("1 week");
    }

    @Test
    void nullRemovesAnInheritedKey() {
        Pipeline p = clean("""
                .base: {script: [x], variables: {A: a}, image: ruby}
                job: {extends: .base, variables: null}
                """);
        assertThat(job(p, "job").env()).isEmpty();
        assertThat(job(p, "job").container().image()).isEqualTo("ruby");
    }

    @Test
    void inheritedValuesKeepTheTemplatesPosition() {
        Pipeline p = clean(".base:\n  script:\n    - make\njob:\n  extends: .base\n");
        StepAction.ScriptLine line = ((StepAction.Script) job(p, "job").steps().get(0).action()).lines().get(0);
        assertThat(line.range().line()).isEqualTo(3);
        assertThat(line.range().column()).isEqualTo(7);
    }

    @Test
    void unknownTemplateIsReportedWithAHint() {
        assertThat(lines(load(".tests: {script: [x]}\njob: {extends: .test}\n"))).containsExactly(
                ".gitlab-ci.yml:2:16: error: 'job' extends '.test', which is not defined; did you mean '.tests'?"
                        + " [extends-unknown]");
    }

    @Test
    void circularExtendsNamesTheChain() {
        assertThat(lines(load("""
                .a: {extends: .b, script: [x]}
                .b: {extends: .c}
                .c: {extends: .a}
                job: {extends: .a}
                """))).containsExactly(
                ".gitlab-ci.yml:3:15: error: circular extends: .a -> .b -> .c -> .a [extends-cycle]");
    }

    @Test
    void elevenLevelsAreAllowedTwelveAreNot() {
        StringBuilder ok = new StringBuilder(".t11: {script: [x]}\n");
        for (int i = 10; i >= 1; i--) {
            ok.append(".t").append(i).append(": {extends: .t").append(i + 1).append("}\n");
        }
        assertThat(lines(load(ok + "job: {extends: .t1}\n"))).isEmpty();
        assertThat(lines(load(ok + ".t0: {extends: .t1}\njob: {extends: .t0}\n"))).singleElement().asString()
                .contains("error: 'job' extends templates 12 levels deep (job -> .t0 -> .t1 -> ")
                .endsWith(" -> .t11); at most 11 are allowed [extends-depth]");
    }

    @Test
    void aJobGetsItsScriptFromATemplate() {
        Pipeline p = clean(".t: {script: [make test]}\njob: {extends: .t}\n");
        assertThat(script(job(p, "job"))).containsExactly("make test");
        assertThat(p.jobs()).extracting(Job::id).containsExactly("job");
    }

    @Test
    void mergedVariablesKeepTheirFlags() {
        Pipeline p = clean("""
                .t:
                  variables:
                    RAW: {value: "$HOME", expand: false}
                job: {extends: .t, script: [x]}
                """);
        Variable raw = job(p, "job").env().get(0);
        assertThat(raw.expand()).isFalse();
        assertThat(raw.value()).isEqualTo("$HOME");
    }
}

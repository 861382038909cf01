package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run .gitlab-ci.yml} where users of another local runner (gitlab-ci-local) reported
 * that it behaved differently from GitLab; each case asserts what GitLab documents or does.
 */
class GitlabDivergencesIT {

    @TempDir
    Path dir;

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    /** gitlab-ci-local #1561: GitLab refuses the pipeline ("job:rules config can't be blank"). */
    @Test
    void anEmptyRulesListRefusesThePipelineInsteadOfLeavingTheJobOut() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                job:
                  rules: []
                  script:
                    - echo "Heya"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isEqualTo(2);
        assertThat(o.err()).contains(".gitlab-ci.yml:2:10", "'rules' of job 'job' is empty");
        assertThat(o.out()).doesNotContain("Heya");
    }

    /** "CI/CD variables": an unquoted 012345 is octal to GitLab's YAML parser, so the value is 5349. */
    @Test
    void unquotedNumbersInVariablesHaveTheValuesGitlabsYamlParserGives() throws Exception {
        GantryProcess.Outcome o = repo().gitlab("""
                variables:
                  VAR1: 012345
                  VAR2: "012345"
                  VAR3: 019
                job:
                  variables:
                    MODE: 0755
                  script:
                    - echo "VAR1=$VAR1 VAR2=$VAR2 VAR3=$VAR3 MODE=$MODE"
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("VAR1=5349 VAR2=012345 VAR3=019 MODE=493");
    }
}

package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cron syntax, id syntax and "did you mean" hints, checked directly. */
class SmallRulesTest {

    @Test
    void idsStartWithALetterOrUnderscore() {
        assertThat(Ids.valid("build")).isTrue();
        assertThat(Ids.valid("_private-job_2")).isTrue();
        assertThat(Ids.valid("2build")).isFalse();
        assertThat(Ids.valid("-x")).isFalse();
        assertThat(Ids.valid("a.b")).isFalse();
        assertThat(Ids.valid("")).isFalse();
    }

    @Test
    void hintsCoverTyposButNotUnrelatedWords() {
        List<String> keys = Keywords.JOB;
        assertThat(ClosestWord.of("runs_on", keys)).contains("runs-on");
        assertThat(ClosestWord.of("RUNS-ON", keys)).contains("runs-on");
        assertThat(ClosestWord.of("neds", keys)).contains("needs");
        assertThat(ClosestWord.of("stpes", keys)).contains("steps");
        assertThat(ClosestWord.of("image", keys)).isEmpty();
        assertThat(dev.gantry.diag.EditDistance.between("biuld", "build")).isEqualTo(1);
    }
}

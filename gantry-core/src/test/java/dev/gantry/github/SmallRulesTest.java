package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cron syntax, id syntax and "did you mean" hints, checked directly. */
class SmallRulesTest {

    @Test
    void cronAcceptsPosixSyntaxAndNamesWhatIsWrong() {
        assertThat(CronSyntax.problem("*/15 9-17 * JAN,JUL MON-FRI")).isEmpty();
        assertThat(CronSyntax.problem("0 0 * * 7")).isEmpty();
        assertThat(CronSyntax.problem("0 0 * *")).contains(
                "a cron expression has five fields (minute hour day-of-month month day-of-week), not 4");
        assertThat(CronSyntax.problem("0 0 31 2 8")).contains("value 8 not in range [0, 7]");
        assertThat(CronSyntax.problem("0 0 L * *")).contains("invalid characters 'L'");
        assertThat(CronSyntax.problem("")).isPresent();
    }

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
        assertThat(ClosestWord.distance("biuld", "build")).isEqualTo(1);
    }
}

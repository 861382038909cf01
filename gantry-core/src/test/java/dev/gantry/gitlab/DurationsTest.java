package dev.gantry.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The human durations of {@code timeout}, {@code start_in}, {@code expire_in} and {@code auto_stop_in}. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "42                   | 42",
        "42 seconds           | 42",
        "3 mins 4 sec         | 184",
        "2 hrs 20 min         | 8400",
        "2h20min              | 8400",
        "3h 30m               | 12600",
        "3 hours 30 minutes   | 12600",
        "one hour             | 3600",
        "1 day                | 86400",
        "3 weeks and 2 days   | 1987200",
        "6 mos 1 day          | 15638400",
        "47 yrs 6 mos and 4d  | 1498089600",
        "1.5 hours            | 5400"})
    void parsesTheDocumentedForms(String text, long seconds) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forever", "", "hours", "3 3 hours", "10 parsecs", "-5 minutes", "1h; rm -rf"})
    void rejectsEverythingElse(String text) {
        assertThat(Durations.parse(text)).isNull();
    }
}

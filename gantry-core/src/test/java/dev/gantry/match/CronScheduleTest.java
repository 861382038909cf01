package dev.gantry.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs.github.com "Events that trigger workflows#schedule" and "Workflow syntax for GitHub
 * Actions#on.schedule": POSIX cron, five fields, UTC, no macros, at most every 5 minutes.
 */
class CronScheduleTest {

    private static CronSchedule schedule(String expression) {
        CronSchedule.Parsed parsed = CronSchedule.parse(expression);
        assertThat(parsed.error()).as(expression).isNull();
        return parsed.schedule();
    }

    /** The next firing after a given instant, in UTC. */
    static Stream<Arguments> nextFirings() {
        return Stream.of(
                arguments("30 5,17 * * *", "2024-01-01T00:00:00Z", "2024-01-01T05:30:00Z"),
                arguments("30 5,17 * * *", "2024-01-01T05:30:00Z", "2024-01-01T17:30:00Z"),
                arguments("*/15 * * * *", "2024-01-01T00:07:00Z", "2024-01-01T00:15:00Z"),
                arguments("0 3 * * SUN", "2024-01-01T00:00:00Z", "2024-01-07T03:00:00Z"),
                arguments("0 0 * * 7", "2024-01-01T00:00:00Z", "2024-01-07T00:00:00Z"),
                arguments("0 0 * * 0", "2024-01-01T00:00:00Z", "2024-01-07T00:00:00Z"),
                // Both day fields restricted: a day matching either fires (the 5th is a Friday).
                arguments("0 0 13 * 5", "2024-01-01T00:00:00Z", "2024-01-05T00:00:00Z"),
                arguments("0 0 13 * 5", "2024-01-12T00:00:00Z", "2024-01-13T00:00:00Z"),
                arguments("0 0 29 2 *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
                arguments("1,2-5/2 * * * *", "2024-01-01T00:02:00Z", "2024-01-01T00:04:00Z"),
                arguments("0 0 1 JAN-MAR *", "2024-01-02T00:00:00Z", "2024-02-01T00:00:00Z"),
                arguments("59 23 31 12 *", "2024-06-01T12:34:56Z", "2024-12-31T23:59:00Z"));
    }

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @MethodSource("nextFirings")
    void next(String expression, String after, String expected) {
        assertThat(schedule(expression).next(Instant.parse(after))).contains(Instant.parse(expected));
    }

    @Test
    void firesWithinTheMinute() {
        CronSchedule sunday = schedule("0 3 * * SUN");
        assertThat(sunday.firesAt(Instant.parse("2024-01-07T03:00:59Z"))).isTrue();
        assertThat(sunday.firesAt(Instant.parse("2024-01-07T03:01:00Z"))).isFalse();
        assertThat(sunday.firesAt(Instant.parse("2024-01-08T03:00:00Z"))).isFalse();
    }

    /** Invalid expressions: a clean message and the field at fault. */
    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("", null, "empty"),
                arguments("@daily", null, "write '0 0 * * *' instead"),
                arguments("@reboot", null, "does not support the non-standard syntax '@reboot'"),
                arguments("* * * *", null, "this one has 4"),
                arguments("0 * * * * *", null, "this one has 6"),
                arguments("61 * * * *", "minute", "invalid minute field '61'"),
                arguments("* 24 * * *", "hour", "invalid hour field '24'"),
                arguments("* * 0 * *", "day of month", "invalid day of month field '0'"),
                arguments("* * * 13 *", "month", "invalid month field '13'"),
                arguments("* * * * 8", "day of week", "invalid day of week field '8'"),
                arguments("0 0 ? * *", "day of month", "invalid day of month field '?'"),
                arguments("0 0 L * *", "day of month", "invalid day of month field 'L'"),
                arguments("5-1 * * * *", "minute", "invalid minute field '5-1'"),
                arguments("*/0 * * * *", "minute", "invalid minute field '*/0'"),
                arguments("0 0 * * MON#2", "day of week", "invalid day of week field 'MON#2'"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("errors")
    void invalidExpressions(String expression, String field, String fragment) {
        CronSchedule.Parsed parsed = CronSchedule.parse(expression);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.error().field()).isEqualTo(field);
        assertThat(parsed.error().message()).contains(fragment);
    }

    /** Schedules GitHub accepts but runs differently: too frequent (under 5 minutes) or never. */
    static Stream<Arguments> warnings() {
        return Stream.of(
                arguments("* * * * *", "more often than every 5 minutes"),
                arguments("0,2 9 * * 1", "more often than every 5 minutes"),
                arguments("*/4 * * * *", "more often than every 5 minutes"),
                arguments("58 9,10 * * *", null),
                arguments("58,1 9,10 * * *", "more often than every 5 minutes"),
                arguments("58,1 9,11 * * *", null),
                arguments("*/5 * * * *", null),
                arguments("0 * * * *", null),
                arguments("0 0 31 4,6 *", "never fires"),
                arguments("0 0 30 FEB *", "never fires"),
                arguments("0 0 31 1-12 *", null),
                arguments("0 0 31 2 1", null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("warnings")
    void warnings(String expression, String fragment) {
        if (fragment == null) {
            assertThat(schedule(expression).warnings()).isEmpty();
        } else {
            assertThat(schedule(expression).warnings()).singleElement().asString().contains(fragment);
        }
    }

    @Test
    void warningsForSchedulesThatWillNotRunAsWritten() {
        assertThat(schedule("* * * * *").warnings()).singleElement().asString().contains("more often than every 5 minutes");
        assertThat(schedule("0,2 9 * * 1").warnings()).hasSize(1);
        assertThat(schedule("*/5 * * * *").warnings()).isEmpty();
        assertThat(schedule("0 * * * *").warnings()).isEmpty();
        CronSchedule never = schedule("0 0 30 2 *");
        assertThat(never.warnings()).singleElement().asString().contains("never fires");
        assertThat(never.next(Instant.parse("2024-01-01T00:00:00Z"))).isEmpty();
        assertThat(never.firesAt(Instant.parse("2024-02-29T00:00:00Z"))).isFalse();
    }
}

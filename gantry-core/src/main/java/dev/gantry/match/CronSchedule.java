package dev.gantry.match;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A schedule in POSIX cron syntax, evaluated in UTC, as GitHub Actions reads {@code on.schedule}
 * ("Events that trigger workflows#schedule" and "Workflow syntax for GitHub Actions#on.schedule",
 * docs.github.com): five fields (minute, hour, day of month, month, day of week), with {@code *},
 * lists, ranges, steps, and month and weekday names; when both day fields are restricted, a day
 * matching either one fires. The non-standard {@code @daily}-style macros are not supported and are
 * reported as errors. GitHub runs scheduled workflows at most once every 5 minutes, so a schedule
 * that fires more often gets a warning, as does one that can never fire.
 *
 * <p>Built on cron-utils (UNIX definition). Immutable; nothing here reads the clock or throws.
 */
public final class CronSchedule {

    /**
     * Why a cron expression was rejected.
     *
     * @param message a plain phrase without a trailing period
     * @param field   the field at fault ({@code minute}, {@code hour}, {@code day of month},
     *                {@code month}, {@code day of week}), or null when the whole expression is
     */
    public record CronError(String message, String field) {
    }

    /**
     * The outcome of {@link #parse}: exactly one of the two is non-null.
     *
     * @param schedule the parsed schedule
     * @param error    why the expression is not valid
     */
    public record Parsed(CronSchedule schedule, CronError error) {
        public boolean ok() {
            return schedule != null;
        }
    }

    /** GitHub's shortest interval between scheduled runs. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(5);

    private static final List<String> FIELDS = List.of("minute", "hour", "day of month", "month", "day of week");
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;
    private final boolean neverFires;
    private final List<String> warnings;

    private CronSchedule(String expression, ExecutionTime executionTime, boolean neverFires, List<String> warnings) {
        this.expression = expression;
        this.executionTime = executionTime;
        this.neverFires = neverFires;
        this.warnings = warnings;
    }

    /** Parses a five-field cron expression; an invalid one comes back as an error naming the field. */
    public static Parsed parse(String expression) {
        String text = expression == null ? "" : expression.strip();
        if (text.isEmpty()) {
            return error("the cron expression is empty", null);
        }
        if (text.startsWith("@")) {
            String equivalent = MACROS.get(text.toLowerCase(Locale.ROOT));
            return error("GitHub Actions does not support the non-standard syntax '" + text + "'"
                    + (equivalent == null ? "" : "; write '" + equivalent + "' instead"), null);
        }
        String[] fields = text.split("\\s+");
        if (fields.length != FIELDS.size()) {
            return error("a cron expression has five fields (minute, hour, day of month, month, day of week),"
                    + " this one has " + fields.length, null);
        }
        Cron cron;
        try {
            cron = PARSER.parse(text);
        } catch (RuntimeException e) {
            // cron-utils documents IllegalArgumentException; anything else it throws is still bad input.
            return locate(fields, e);
        }
        ExecutionTime time = ExecutionTime.forCron(cron);
        boolean never = neverFires(fields);
        List<String> warnings = new ArrayList<>();
        if (never) {
            warnings.add("the schedule '" + text + "' never fires: no month it allows has the day of month it names");
        } else if (firesTooOften(fields)) {
            warnings.add("the schedule '" + text + "' fires more often than every 5 minutes; GitHub runs"
                    + " scheduled workflows at most once every 5 minutes");
        }
        return new Parsed(new CronSchedule(text, time, never, List.copyOf(warnings)), null);
    }

    /** The first firing strictly after {@code after}, at the start of its minute; empty if it never fires. */
    public Optional<Instant> next(Instant after) {
        if (neverFires) {
            return Optional.empty();
        }
        return executionTime.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
    }

    /** Whether the schedule fires in the minute that holds {@code instant}. */
    public boolean firesAt(Instant instant) {
        return !neverFires && executionTime.isMatch(instant.truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC));
    }

    /** Plain sentences about a valid schedule that will not run as written; empty when none. */
    public List<String> warnings() {
        return warnings;
    }

    /** The expression as written, trimmed. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static Parsed error(String message, String field) {
        return new Parsed(null, new CronError(message, field));
    }

    /** Finds the first field that fails on its own, with the other fields set to {@code *}. */
    private static Parsed locate(String[] fields, RuntimeException whole) {
        for (int i = 0; i < fields.length; i++) {
            String[] probe = {"*", "*", "*", "*", "*"};
            probe[i] = fields[i];
            try {
                PARSER.parse(String.join(" ", probe));
            } catch (RuntimeException e) {
                return error("invalid " + FIELDS.get(i) + " field '" + fields[i] + "': " + reason(e), FIELDS.get(i));
            }
        }
        return error("invalid cron expression: " + reason(whole), null);
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "not valid" : e.getMessage();
        return message.replace("Failed to parse cron expression. ", "").replaceAll("\\.$", "");
    }

    /** Whether a day-of-month-only schedule names days its months never have (30 February). */
    private static boolean neverFires(String[] fields) {
        if (!fields[4].equals("*") || fields[2].equals("*")) {
            return false;
        }
        BitSet months = CronField.months(fields[3]);
        BitSet days = CronField.daysOfMonth(fields[2]);
        return months != null && days != null && !CronField.anyDayExists(months, days);
    }

    /** Whether two firings lie less than 5 minutes apart. */
    private static boolean firesTooOften(String[] fields) {
        BitSet minutes = CronField.minutes(fields[0]);
        BitSet hours = CronField.hours(fields[1]);
        return minutes != null && hours != null
                && CronField.shortestGap(minutes, hours) < SHORTEST_INTERVAL.toMinutes();
    }
}

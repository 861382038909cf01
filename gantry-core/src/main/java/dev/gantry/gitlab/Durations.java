package dev.gantry.gitlab;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's human durations, as {@code timeout}, {@code start_in}, {@code artifacts:expire_in} and
 * {@code environment:auto_stop_in} take them ("CI/CD YAML syntax reference#timeout", "#artifacts:expire_in"):
 * {@code 3 hours 30 minutes}, {@code 3h 30m}, {@code 2h20min}, {@code one hour}, {@code 47 yrs 6 mos and 4d},
 * or a bare number of seconds ({@code '42'}). A month counts 30 days and a year 365, like the
 * parser GitLab uses. The word {@code never} is the callers' business. Public for the planner, which
 * turns {@code start_in} into a delay.
 */
public final class Durations {

    private static final Pattern TOKEN = Pattern.compile("\\d+(?:\\.\\d+)?|[a-z]+");
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.,\\s]*");

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("s", 1L), Map.entry("sec", 1L), Map.entry("secs", 1L), Map.entry("second", 1L),
            Map.entry("seconds", 1L),
            Map.entry("m", 60L), Map.entry("min", 60L), Map.entry("mins", 60L), Map.entry("minute", 60L),
            Map.entry("minutes", 60L),
            Map.entry("h", 3600L), Map.entry("hr", 3600L), Map.entry("hrs", 3600L), Map.entry("hour", 3600L),
            Map.entry("hours", 3600L),
            Map.entry("d", 86_400L), Map.entry("day", 86_400L), Map.entry("days", 86_400L),
            Map.entry("w", 604_800L), Map.entry("wk", 604_800L), Map.entry("wks", 604_800L),
            Map.entry("week", 604_800L), Map.entry("weeks", 604_800L),
            Map.entry("mo", 2_592_000L), Map.entry("mos", 2_592_000L), Map.entry("month", 2_592_000L),
            Map.entry("months", 2_592_000L),
            Map.entry("y", 31_536_000L), Map.entry("yr", 31_536_000L), Map.entry("yrs", 31_536_000L),
            Map.entry("year", 31_536_000L), Map.entry("years", 31_536_000L));

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12));

    private Durations() {
    }

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        if (t.isEmpty() || !ALLOWED.matcher(t).matches()) {
            return null;
        }
        Matcher m = TOKEN.matcher(t);
        double seconds = 0;
        Double pending = null;
        boolean any = false;
        while (m.find()) {
            String token = m.group();
            if (token.equals("and")) {
                continue;
            }
            Double number = Character.isDigit(token.charAt(0)) ? Double.valueOf(token)
                    : NUMBER_WORDS.containsKey(token) ? Double.valueOf(NUMBER_WORDS.get(token)) : null;
            if (number != null) {
                if (pending != null) {
                    return null;
                }
                pending = number;
            } else if (UNITS.containsKey(token) && pending != null) {
                seconds += pending * UNITS.get(token);
                pending = null;
                any = true;
            } else {
                return null;
            }
        }
        if (pending != null) {
            seconds += pending;
            any = true;
        }
        return any && seconds < 1e15 ? Duration.ofSeconds(Math.round(seconds)) : null;
    }
}

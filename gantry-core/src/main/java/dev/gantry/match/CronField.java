package dev.gantry.match;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The values one field of an already validated five-field cron expression allows: lists, ranges,
 * steps and names, as in POSIX cron. Used for checks on the whole schedule (how often it fires,
 * whether it can fire at all) that cron-utils answers only by slow searching.
 */
final class CronField {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private CronField() {
    }

    static BitSet minutes(String field) {
        return values(field, 0, 59, null, 0);
    }

    static BitSet hours(String field) {
        return values(field, 0, 23, null, 0);
    }

    static BitSet daysOfMonth(String field) {
        return values(field, 1, 31, null, 0);
    }

    static BitSet months(String field) {
        return values(field, 1, 12, MONTHS, 1);
    }

    /**
     * The allowed values of {@code field} within {@code [min, max]}, or null when the field holds
     * something this reader does not know (the caller then skips its check).
     */
    private static BitSet values(String field, int min, int max, List<String> names, int firstName) {
        BitSet out = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            int step = slash < 0 ? 1 : number(part.substring(slash + 1), null, 0);
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(range.substring(0, range.indexOf('-')), names, firstName);
                to = number(range.substring(range.indexOf('-') + 1), names, firstName);
            } else {
                from = number(range, names, firstName);
                to = slash < 0 ? from : max;
            }
            if (step <= 0 || from < min || to > max || from > to) {
                return null;
            }
            for (int v = from; v <= to; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int number(String text, List<String> names, int firstName) {
        if (names != null) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (index >= 0) {
                return index + firstName;
            }
        }
        return text.matches("[0-9]{1,2}") ? Integer.parseInt(text) : -1;
    }

    /** Whether some allowed month has some allowed day of month (February counting 29 days). */
    static boolean anyDayExists(BitSet months, BitSet days) {
        int[] lengths = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (int m = months.nextSetBit(1); m >= 1 && m <= 12; m = months.nextSetBit(m + 1)) {
            int first = days.nextSetBit(1);
            if (first >= 1 && first <= lengths[m - 1]) {
                return true;
            }
        }
        return false;
    }

    /** The shortest gap in minutes between firings within a day, or {@link Integer#MAX_VALUE}. */
    static int shortestGap(BitSet minutes, BitSet hours) {
        int gap = Integer.MAX_VALUE;
        int previous = -1;
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
            if (previous >= 0) {
                gap = Math.min(gap, m - previous);
            }
            previous = m;
        }
        boolean consecutiveHours = false;
        for (int h = hours.nextSetBit(0); h >= 0 && h < 23; h = hours.nextSetBit(h + 1)) {
            consecutiveHours |= hours.get(h + 1);
        }
        if (consecutiveHours && !minutes.isEmpty()) {
            gap = Math.min(gap, 60 - minutes.previousSetBit(59) + minutes.nextSetBit(0));
        }
        return gap;
    }
}

package dev.gantry.github;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the syntax of a {@code schedule} cron expression: five fields (minute, hour, day of month,
 * month, day of week) in POSIX cron syntax ("Events that trigger workflows#schedule", which
 * follows POSIX cron). The only class of ours that calls cron-utils (UNIX definition), so the
 * library can be swapped or moved to a shared package without touching the front end.
 */
final class CronSyntax {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Pattern INVALID_CHARS = Pattern.compile("Invalid chars in expression!.*Invalid chars: (.*)");

    private CronSyntax() {
    }

    /** Why {@code cron} is not a valid schedule, as a plain phrase; empty when it is valid. */
    static Optional<String> problem(String cron) {
        String trimmed = cron.strip();
        int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        if (fields != 5) {
            return Optional.of("a cron expression has five fields (minute hour day-of-month month day-of-week), not "
                    + fields);
        }
        try {
            PARSER.parse(trimmed).validate();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(reason(e.getMessage()));
        }
    }

    private static String reason(String message) {
        if (message == null) {
            return "not a valid cron expression";
        }
        String m = message.replace("Failed to parse cron expression. ", "").strip();
        Matcher chars = INVALID_CHARS.matcher(m);
        if (chars.matches()) {
            return "invalid characters '" + chars.group(1).strip() + "'";
        }
        if (m.startsWith("Invalid expression: ")) {
            return "'" + m.substring("Invalid expression: ".length()) + "' is not valid in POSIX cron";
        }
        return m.isEmpty() ? "not a valid cron expression" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}

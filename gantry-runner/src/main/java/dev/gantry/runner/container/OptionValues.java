package dev.gantry.runner.container;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of {@code docker create} options in the Docker CLI's own syntax: durations as Go writes
 * them ({@code 10s}, {@code 1m30s}, {@code 500ms}) and sizes with binary units ({@code 512m},
 * {@code 1g}, {@code 64MiB}), as docs.docker.com "docker container create" describes
 * {@code --health-interval} and {@code --memory}. Every method answers empty instead of throwing.
 */
final class OptionValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(?:\\.\\d{1,9})?");
    private static final Pattern CAPABILITY = Pattern.compile("[A-Z][A-Z0-9_]*");

    private OptionValues() {
    }

    /** A Go duration: one or more number-unit pairs, or {@code 0}; not negative. */
    static Optional<Duration> duration(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = DURATION_PART.matcher(text);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        if (at == 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** A size in bytes: a number with an optional unit {@code k m g t p} (powers of 1024). */
    static Optional<Long> bytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        int power = "kmgtp".indexOf(unit.isEmpty() ? ' ' : unit.charAt(0)) + 1;
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    /** A positive decimal number of CPUs. */
    static Optional<Double> cpus(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }

    /** A non-negative decimal integer. */
    static Optional<Integer> count(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    /** A capability as {@code --cap-add} takes it: {@code NET_ADMIN}, {@code cap_net_admin} or {@code ALL}. */
    static Optional<String> capability(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (name.startsWith("CAP_")) {
            name = name.substring(4);
        }
        return CAPABILITY.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** {@code true} or {@code false}, as a boolean flag's {@code --flag=VALUE} form takes them. */
    static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}

package dev.gantry.gitlab;

/**
 * The predefined interpolation functions ("CI/CD inputs#Predefined interpolation functions"). Each
 * takes a string and returns one; {@link Interpolator} checks that the value is a string first.
 *
 * <ul>
 *   <li>{@code expand_vars} expands CI/CD variables that {@code include} may use. Those are only known
 *       when a pipeline starts, so Gantry leaves the value as written: where the value lands in a
 *       {@code script} or {@code variables}, the variables are expanded when the job runs.</li>
 *   <li>{@code truncate(offset,length)} keeps {@code length} characters from {@code offset}
 *       ({@code 0123456789 | truncate(3,5)} is {@code 34567}); an offset past the end gives an empty string.</li>
 *   <li>{@code posix_escape} puts a backslash before every character a Bourne shell might treat
 *       specially: all but ASCII letters, digits and {@code _-.,:+/@}. A line break cannot be escaped
 *       that way and is quoted as {@code '\n'}; an empty value becomes {@code ''}.</li>
 * </ul>
 */
final class InputFunctions {

    private static final String SAFE = "_-.,:+/@";

    private InputFunctions() {
    }

    static String expandVars(String value) {
        return value;
    }

    /** Counts characters as code points, so that a letter outside the BMP is never cut in half. */
    static String truncate(String value, int offset, int length) {
        int count = value.codePointCount(0, value.length());
        if (offset >= count) {
            return "";
        }
        int start = value.offsetByCodePoints(0, offset);
        int end = value.offsetByCodePoints(start, Math.min(length, count - offset));
        return value.substring(start, end);
    }

    static String posixEscape(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder(value.length() * 2);
        value.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("'\n'");
            } else if (c < 128 && (Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0)) {
                out.appendCodePoint(c);
            } else {
                out.append('\\').appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

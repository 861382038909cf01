package dev.gantry.runner.gitlab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The job's {@code coverage:} value ("CI/CD YAML syntax reference#coverage", docs.gitlab.com): the
 * regex (written between slashes) is tried on every line of the job log, and the last line that
 * matches gives the coverage: its first capture group when the regex has one, else the whole match,
 * and of that the first decimal number. Not thread-safe; one per job.
 */
final class CoverageScan {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final Pattern pattern;
    private String last;

    /** @param written the regex as written, {@code /.../}, or null for none */
    CoverageScan(String written) {
        this.pattern = compile(written);
    }

    private static Pattern compile(String written) {
        if (written == null || written.length() < 2 || !written.startsWith("/")) {
            return null;
        }
        int close = written.lastIndexOf('/');
        String flags = written.substring(close + 1);
        try {
            return Pattern.compile(written.substring(1, close), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Looks at one log line. */
    void line(String text) {
        if (pattern == null) {
            return;
        }
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            String matched = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
            Matcher n = NUMBER.matcher(matched);
            if (n.find()) {
                last = n.group();
            }
        }
    }

    /** The coverage, for example {@code 84.20}, or null when no line matched. */
    String coverage() {
        return last;
    }
}

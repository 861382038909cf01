package dev.gantry.gitlab;

import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain scalars that GitLab's YAML parser reads as a date or a timestamp, and so refuses to load.
 * Psych resolves YAML 1.1's timestamp type (yaml.org/type/timestamp.html) to Ruby's {@code Date}
 * and {@code Time}, and GitLab loads {@code .gitlab-ci.yml} with Psych's safe loader, which permits
 * neither class: the whole file is refused with "Tried to load unspecified class: Date" (or
 * {@code Time}), wherever the scalar stands (GitLab issue 260424, "Tried to load unspecified class:
 * Time error when specifying timestamp without quotes in .gitlab-ci.yml"; "CI/CD YAML syntax
 * reference#release:released_at" asks for the timestamp in quotes). YAML 1.2, Gantry's YAML layer,
 * reads such a scalar as a string, so without this check {@code DATE: 2024-01-01} would run here and
 * fail on GitLab.
 *
 * <p>The shapes are Psych's ({@code ScalarScanner#tokenize}): a date is four digits, a month
 * {@code 1}–{@code 12} and a day {@code 1}–{@code 31} of one or two digits, joined by {@code -}
 * ({@code 2024-1-5}); a timestamp is such a date (any one- or two-digit month and day, an optional
 * leading {@code -}), then {@code T}, {@code t} or spaces, {@code H:MM:SS}, an optional fraction and an
 * optional zone ({@code Z}, {@code +1}, {@code -05:30}). Keys count as well as values. Never throws.
 */
final class PsychTimestamp {

    private static final Pattern DATE = Pattern.compile("\\d{4}-(?:1[012]|0\\d|\\d)-(?:[12]\\d|3[01]|0\\d|\\d)");
    private static final Pattern TIME = Pattern.compile(
            "-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?");

    private PsychTimestamp() {
    }

    /** The Ruby class Psych would load for the scalar, {@code Date} or {@code Time}, or null for neither. */
    static String rubyClass(YamlScalar scalar) {
        if (!scalar.plain()) {
            return null;
        }
        if (TIME.matcher(scalar.value()).matches()) {
            return "Time";
        }
        return DATE.matcher(scalar.value()).matches() ? "Date" : null;
    }

    /** Reports ({@value RuleIds#UNQUOTED_DATE}) every date and timestamp in the YAML documents of one file. */
    static void check(List<YamlNode> documents, Reader reader) {
        documents.forEach(d -> walk(d, reader));
    }

    private static void walk(YamlNode node, Reader reader) {
        switch (node) {
            case YamlScalar s -> report(s, reader);
            case YamlSeq seq -> seq.items().forEach(i -> walk(i, reader));
            case YamlMap map -> map.entries().forEach(e -> {
                report(e.key(), reader);
                walk(e.value(), reader);
            });
        }
    }

    private static void report(YamlScalar scalar, Reader reader) {
        String rubyClass = rubyClass(scalar);
        if (rubyClass != null) {
            reader.error(scalar, RuleIds.UNQUOTED_DATE, "'" + scalar.value() + "' is a "
                    + (rubyClass.equals("Date") ? "date" : "timestamp") + " to GitLab's YAML 1.1 parser, which"
                    + " refuses the file (\"Tried to load unspecified class: " + rubyClass + "\"); quote it");
        }
    }
}

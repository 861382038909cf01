package dev.gantry.runner.actions.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A toolchain's version as its tool prints it ({@code 17.0.15+6}, {@code v20.11.1}, {@code 3.12.1},
 * {@code go1.22.3}, {@code 3.13.0rc1}): the dotted numbers (a Java build number after {@code +}
 * counts as one more, so that builds order), and whether it is a pre-release.
 *
 * @param numbers    major, minor, patch, ... (at least one)
 * @param prerelease true for {@code -ea}, {@code rc}, {@code beta} and the like
 * @param text       the version as shown to users (without a leading {@code v} or {@code go})
 */
public record ToolVersion(List<Integer> numbers, boolean prerelease, String text) implements Comparable<ToolVersion> {

    private static final Pattern VERSION = Pattern.compile(
            "^(?:v|go|jdk-?)?(\\d+(?:\\.\\d+)*)(?:[._-]?(ea|a|b|rc|alpha|beta|dev|pre)[.-]?\\d*)?(?:\\+(\\d+))?.*$",
            Pattern.CASE_INSENSITIVE);

    public ToolVersion {
        numbers = List.copyOf(numbers);
    }

    /** The version in {@code text}, or null when it does not start with a number. */
    public static ToolVersion parse(String text) {
        String t = text.strip();
        Matcher m = VERSION.matcher(t);
        if (!m.matches()) {
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            if (part.length() > 9) {
                return null;
            }
            numbers.add(Integer.parseInt(part));
        }
        if (m.group(3) != null && m.group(3).length() <= 9) {
            while (numbers.size() < 3) {
                numbers.add(0);
            }
            numbers.add(Integer.parseInt(m.group(3)));
        }
        String shown = t.replaceFirst("^(?i)(v|go|jdk-?)(?=\\d)", "");
        return new ToolVersion(numbers, m.group(2) != null, shown);
    }

    public int major() {
        return numbers.getFirst();
    }

    /** The number at {@code index}, 0 beyond the end. */
    public int at(int index) {
        return index < numbers.size() ? numbers.get(index) : 0;
    }

    @Override
    public int compareTo(ToolVersion other) {
        for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
            int c = Integer.compare(at(i), other.at(i));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(other.prerelease, prerelease); // a release is newer than its pre-releases
    }

    @Override
    public String toString() {
        return text;
    }
}

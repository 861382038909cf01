package dev.gantry.runner.actions.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A version request as the setup actions read it (node-semver ranges, which setup-java, setup-node,
 * setup-python and setup-go all use; docs of each action's "Supported version syntax"):
 * <ul>
 *   <li>a partial version matches everything it prefixes: {@code 17}, {@code 17.0}, {@code 17.0.2},
 *       {@code 3.11}; {@code x} or {@code *} segments are wildcards ({@code 3.x}, {@code 3.11.x});
 *   <li>comparators {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =} with partial versions
 *       as node-semver's X-ranges ({@code >3.10} means at least 3.11, {@code <=3.10} below 3.11);
 *       {@code ^1.2} (same major) and {@code ~1.2} (same minor);
 *   <li>comparators separated by spaces must all hold; alternatives are separated by {@code ||};
 *   <li>empty, {@code *}, {@code x}, {@code latest}, {@code stable}, {@code current}, {@code node}:
 *       any version.
 * </ul>
 * Pre-releases match only when asked for ({@code allowPrereleases}) or named exactly.
 */
public final class VersionSpec {

    private final String text;
    private final List<List<Predicate<ToolVersion>>> alternatives;

    private VersionSpec(String text, List<List<Predicate<ToolVersion>>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** The spec, or empty when it cannot be read. */
    public static Optional<VersionSpec> parse(String text) {
        String t = text.strip();
        List<List<Predicate<ToolVersion>>> alternatives = new ArrayList<>();
        for (String alternative : t.split("\\|\\|")) {
            List<Predicate<ToolVersion>> all = new ArrayList<>();
            String normalized = alternative.strip().replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1");
            for (String comparator : normalized.split("\\s+")) {
                if (comparator.isEmpty()) {
                    continue;
                }
                Predicate<ToolVersion> p = comparator(comparator);
                if (p == null) {
                    return Optional.empty();
                }
                all.add(p);
            }
            alternatives.add(all);
        }
        return Optional.of(new VersionSpec(t, alternatives));
    }

    /** Whether {@code v} satisfies the spec. */
    public boolean matches(ToolVersion v) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(v)));
    }

    /** Whether the spec names a pre-release itself (then pre-releases may match). */
    public boolean namesPrerelease() {
        return text.matches("(?i).*\\d[._-]?(ea|a|b|rc|alpha|beta|dev|pre).*");
    }

    @Override
    public String toString() {
        return text;
    }

    private static Predicate<ToolVersion> comparator(String c) {
        if (c.equalsIgnoreCase("latest") || c.equalsIgnoreCase("stable") || c.equalsIgnoreCase("current")
                || c.equalsIgnoreCase("node") || c.equals("*") || c.equalsIgnoreCase("x")) {
            return v -> true;
        }
        String op = c.startsWith(">=") || c.startsWith("<=") ? c.substring(0, 2)
                : c.startsWith(">") || c.startsWith("<") || c.startsWith("=") || c.startsWith("^") || c.startsWith("~")
                ? c.substring(0, 1) : "";
        Partial p = Partial.parse(c.substring(op.length()));
        if (p == null) {
            return null;
        }
        return switch (op) {
            case "", "=" -> p::prefixes;
            case ">=" -> v -> compare(v, p.floor()) >= 0;
            case ">" -> p.size() == 0 ? v -> false : v -> compare(v, p.next()) >= 0;
            case "<" -> v -> compare(v, p.floor()) < 0;
            case "<=" -> p.size() == 0 ? v -> true : v -> compare(v, p.next()) < 0;
            case "^" -> v -> compare(v, p.floor()) >= 0 && v.major() == p.at(0);
            case "~" -> v -> compare(v, p.floor()) >= 0 && v.major() == p.at(0)
                    && (p.size() < 2 || v.at(1) == p.at(1));
            default -> null;
        };
    }

    private static int compare(ToolVersion v, List<Integer> bound) {
        for (int i = 0; i < Math.max(bound.size(), 3); i++) {
            int c = Integer.compare(v.at(i), i < bound.size() ? bound.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The numbers given before the first wildcard: {@code 3.x} is {@code [3]}. */
    private record Partial(List<Integer> numbers) {

        static Partial parse(String text) {
            String t = text.replaceFirst("^[vV]", "");
            List<Integer> numbers = new ArrayList<>();
            for (String part : t.split("\\.", -1)) {
                if (part.equals("x") || part.equals("X") || part.equals("*")) {
                    break;
                }
                String digits = part.replaceFirst("[-+].*$", "");
                if (!digits.matches("\\d{1,9}")) {
                    return null;
                }
                numbers.add(Integer.parseInt(digits));
                if (!digits.equals(part)) {
                    break; // 17.0.2+8 or 21-ea: the rest is a build or pre-release tag
                }
            }
            return new Partial(numbers);
        }

        int size() {
            return numbers.size();
        }

        int at(int i) {
            return i < numbers.size() ? numbers.get(i) : 0;
        }

        boolean prefixes(ToolVersion v) {
            for (int i = 0; i < numbers.size(); i++) {
                if (v.at(i) != numbers.get(i)) {
                    return false;
                }
            }
            return true;
        }

        List<Integer> floor() {
            return numbers;
        }

        /** The smallest version above every version this partial prefixes: 3.10 -> 3.11. */
        List<Integer> next() {
            List<Integer> next = new ArrayList<>(numbers);
            next.set(next.size() - 1, next.getLast() + 1);
            return next;
        }
    }
}

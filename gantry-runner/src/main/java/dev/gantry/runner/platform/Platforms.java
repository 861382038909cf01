package dev.gantry.runner.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code -P LABEL=host|docker://IMAGE} options of one run, and which of them a job picks.
 *
 * <p>Labels are compared ignoring case, as GitHub compares {@code runs-on} labels ("Choosing the
 * runner for a job") and as {@code RunnerOs}/{@code RunnerTags} read operating systems from them.
 * A job picks the first of its labels, in the order its {@code runs-on} (or {@code tags}) lists
 * them, that has a {@code -P}; the same label given twice keeps the later value, as a later option
 * overrides an earlier one. The precedent users know is nektos/act's {@code -P LABEL=IMAGE}; Gantry
 * spells the two targets out ({@code host}, {@code docker://IMAGE}) so that a typo is an error and
 * not an image name.
 */
public final class Platforms {

    private static final String DOCKER = "docker://";

    /** By label in lower case: the label as the user wrote it, and its platform. */
    private final Map<String, Choice> byLabel;

    private Platforms(Map<String, Choice> byLabel) {
        this.byLabel = byLabel;
    }

    /**
     * A label a job picked and where it sends the job.
     *
     * @param label    the job's label as written in the workflow (expressions evaluated)
     * @param platform where it runs
     */
    public record Choice(String label, Platform platform) {

        /** How the plan and the logs name it: {@code docker://IMAGE (-P ubuntu-latest)}. */
        @Override
        public String toString() {
            return platform + " (-P " + label + ")";
        }
    }

    /**
     * The parsed options.
     *
     * @param platforms the valid options (all of them when {@code errors} is empty)
     * @param errors    one plain message per value that is not {@code LABEL=host} or
     *                  {@code LABEL=docker://IMAGE}
     */
    public record Parsed(Platforms platforms, List<String> errors) {

        public Parsed {
            errors = List.copyOf(errors);
        }
    }

    /** No {@code -P}: every job keeps the behaviour its labels give. */
    public static Platforms none() {
        return new Platforms(Map.of());
    }

    /** Parses {@code -P} values in command-line order; never throws. */
    public static Parsed parse(List<String> values) {
        Map<String, Choice> byLabel = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String label = eq < 0 ? "" : value.substring(0, eq).strip();
            String target = eq < 0 ? "" : value.substring(eq + 1).strip();
            Optional<Platform> platform = platform(target);
            if (label.isEmpty() || platform.isEmpty()) {
                errors.add("-P takes LABEL=host or LABEL=docker://IMAGE, not '" + value + "'" + hint(label, target));
                continue;
            }
            byLabel.put(label.toLowerCase(Locale.ROOT), new Choice(label, platform.get()));
        }
        return new Parsed(new Platforms(byLabel), errors);
    }

    private static Optional<Platform> platform(String target) {
        if (target.equalsIgnoreCase("host")) {
            return Optional.of(new Platform.Host());
        }
        if (target.regionMatches(true, 0, DOCKER, 0, DOCKER.length())
                && !target.substring(DOCKER.length()).isBlank()) {
            return Optional.of(new Platform.Image(target.substring(DOCKER.length()).strip()));
        }
        return Optional.empty();
    }

    /** What a user of another tool most likely meant. */
    private static String hint(String label, String target) {
        if (label.isEmpty() || target.isEmpty()) {
            return "";
        }
        if (target.equals("-self-hosted")) {
            return " (did you mean " + label + "=host?)";
        }
        if (!target.contains("://") && !target.contains(" ")) {
            return " (did you mean " + label + "=docker://" + target + "?)";
        }
        return "";
    }

    /** Whether no {@code -P} was given. */
    public boolean isEmpty() {
        return byLabel.isEmpty();
    }

    /**
     * @param labels a job's labels or tags in the order it lists them (expressions and variables
     *               already expanded)
     * @return the first label that has a {@code -P}, with the label as the job wrote it; empty when none has
     */
    public Optional<Choice> choose(List<String> labels) {
        for (String label : labels) {
            Choice c = byLabel.get(label.strip().toLowerCase(Locale.ROOT));
            if (c != null) {
                return Optional.of(new Choice(label.strip(), c.platform()));
            }
        }
        return Optional.empty();
    }
}

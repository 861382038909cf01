package dev.gantry.gitlab;

import dev.gantry.model.Rule;
import java.util.List;

/**
 * Decides whether an {@code include} entry with {@code rules} is part of the configuration. GitLab
 * evaluates those rules before it reads the file ("Use CI/CD configuration from other files#Use rules
 * with include", docs.gitlab.com/ci/yaml/includes): a file the rules leave out contributes nothing
 * (no jobs, templates, variables or defaults), and is not even fetched, so it need not exist.
 */
@FunctionalInterface
public interface IncludeFilter {

    /**
     * Every entry, whatever its rules: the union of all possible configurations, what {@code gantry
     * lint} checks. A file behind rules that is missing is then only a warning.
     */
    IncludeFilter EVERY = rules -> true;

    /**
     * @param rules the entry's {@code include:rules}, never empty
     * @return whether the entry's files are read and merged
     */
    boolean includes(List<Rule> rules);
}

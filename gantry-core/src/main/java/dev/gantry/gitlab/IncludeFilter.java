package dev.gantry.gitlab;

import dev.gantry.model.Rule;
import java.util.List;

/**
 * Decides whether an {@code include} entry with {@code rules} is part of the configuration. GitLab
 * evaluates those rules before it reads the file ("Use CI/CD configuration from other files#Use rules
 * with include", docs.gitlab.com/ci/yaml/includes): a file the rules leave out contributes nothing
 * (no jobs, templates, variables or defaults), and is not even fetched, so it need not exist. It
 * also gives the path of a local include written with CI/CD variables ({@link #path}).
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

    /**
     * A local include path written with CI/CD variables, as this pipeline reads it: GitLab expands
     * the variables it knows when it reads includes, the predefined and the pipeline's own ones but
     * not the YAML's ("Use CI/CD configuration from other files#Use variables with include").
     *
     * @param written the path as written, with {@code $NAME} or {@code ${NAME}}
     * @return the expanded path, or null when the variables are not known (linting): the file is not read
     */
    default String path(String written) {
        return null;
    }
}

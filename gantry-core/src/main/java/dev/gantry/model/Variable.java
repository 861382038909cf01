package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * A named value for the environment: a GitHub {@code env:} entry or a GitLab CI/CD variable.
 * Values are kept as written; expressions ({@code ${{ }}}) and {@code $VAR} references are
 * expanded later, when the values they read are known.
 *
 * @param name        the variable name
 * @param value       the value as written, never null (a YAML number or boolean as its text)
 * @param expand      GitLab {@code expand: false} makes this false; always true for GitHub
 * @param description GitLab {@code description}, or null
 * @param options     GitLab {@code options} (choices offered for a manual run), empty when none
 * @param range       where the variable is defined
 */
public record Variable(String name, String value, boolean expand, String description, List<String> options,
                       SourceRange range) {

    public Variable {
        options = List.copyOf(options);
    }

    /** A plain variable that expands references, with no description or options. */
    public static Variable of(String name, String value, SourceRange range) {
        return new Variable(name, value, true, null, List.of(), range);
    }
}

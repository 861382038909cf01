package dev.gantry.model;

import dev.gantry.diag.SourceRange;

/**
 * GitHub {@code concurrency:} or GitLab {@code resource_group:}: at most one run of the group at a time.
 *
 * @param group            the group name as written (may hold expressions or variables)
 * @param cancelInProgress GitHub {@code cancel-in-progress} as written ({@code true}, {@code false} or an expression); null for GitLab
 * @param range            where it is written
 */
public record Concurrency(String group, String cancelInProgress, SourceRange range) {
}

package dev.gantry.model;

import dev.gantry.diag.SourceRange;

/**
 * A deployment environment (GitHub {@code environment:}, GitLab {@code environment:}).
 *
 * @param name           the environment name as written (may hold expressions or variables)
 * @param url            or null
 * @param action         GitLab {@code start} (default), {@code prepare}, {@code stop}, {@code verify}, {@code access}; null for GitHub
 * @param onStop         GitLab {@code on_stop} job, or null
 * @param autoStopIn     GitLab {@code auto_stop_in}, or null
 * @param deploymentTier GitLab {@code deployment_tier}, or null
 * @param range          where it is written
 */
public record Environment(String name, String url, String action, String onStop, String autoStopIn,
                          String deploymentTier, SourceRange range) {
}

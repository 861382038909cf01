package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Map;

/**
 * GitLab job artifacts ("CI/CD YAML syntax reference#artifacts"). GitHub uploads artifacts with
 * the {@code actions/upload-artifact} action instead.
 *
 * @param name      {@code name:} or null (default {@code artifacts})
 * @param paths     {@code paths:} globs
 * @param exclude   {@code exclude:} globs
 * @param untracked {@code untracked:}
 * @param when      {@code on_success} (default), {@code on_failure} or {@code always}
 * @param expireIn  {@code expire_in:} as written, or null
 * @param exposeAs  {@code expose_as:} or null
 * @param reports   report type ({@code junit}, {@code dotenv}, {@code coverage_report}, ...) to its paths;
 *                  for {@code coverage_report} the paths hold the {@code path} and the format is under
 *                  the key {@code coverage_report:<format>}
 * @param range     where the artifacts are written
 */
public record Artifacts(String name, List<String> paths, List<String> exclude, boolean untracked, String when,
                        String expireIn, String exposeAs, Map<String, List<String>> reports, SourceRange range) {

    public Artifacts {
        paths = List.copyOf(paths);
        exclude = List.copyOf(exclude);
        reports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reports));
    }
}

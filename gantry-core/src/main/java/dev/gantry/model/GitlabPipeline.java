package dev.gantry.model;

import java.util.List;
import java.util.Map;

/**
 * What only a GitLab pipeline has.
 *
 * @param includes               the files that {@code include:} brought in, in load order (for messages and
 *                               caching); copies of network includes appear under their {@code .gantry/includes/}
 *                               path
 * @param autoCancel             {@code workflow:auto_cancel:on_new_commit}, or null
 * @param autoCancelOnJobFailure {@code workflow:auto_cancel:on_job_failure}, or null
 * @param includeRules           for files included under {@code include:rules}, those rules by file; the front
 *                               end reads every file (so jobs of a conditional file are in the model, and their
 *                               source range names the file), and whoever runs the pipeline drops the jobs of a
 *                               file whose rules do not match; a local include path written with CI/CD
 *                               variables is listed as written with no rules, for a run to read it again
 *                               with its variables
 */
public record GitlabPipeline(List<String> includes, String autoCancel, String autoCancelOnJobFailure,
                             Map<String, List<Rule>> includeRules) implements PipelineDetails {

    public GitlabPipeline {
        includes = List.copyOf(includes);
        includeRules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(includeRules));
    }
}

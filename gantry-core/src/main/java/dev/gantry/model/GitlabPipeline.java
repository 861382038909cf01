package dev.gantry.model;

import java.util.List;

/**
 * What only a GitLab pipeline has.
 *
 * @param includes    the files that {@code include:} brought in, in load order (for messages and caching)
 * @param autoCancel  {@code workflow:auto_cancel:on_new_commit}, or null
 */
public record GitlabPipeline(List<String> includes, String autoCancel) implements PipelineDetails {

    public GitlabPipeline {
        includes = List.copyOf(includes);
    }
}

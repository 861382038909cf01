package dev.gantry.model;

/** The part of a {@link Pipeline} that only one format has. */
public sealed interface PipelineDetails permits GithubWorkflow, GitlabPipeline {
}

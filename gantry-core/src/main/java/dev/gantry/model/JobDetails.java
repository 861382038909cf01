package dev.gantry.model;

/** The part of a {@link Job} that only one format has. */
public sealed interface JobDetails permits GithubJob, GitlabJob {
}

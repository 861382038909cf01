package dev.gantry.model;

import java.util.Map;

/**
 * What only a GitHub job has.
 *
 * @param permissions   job {@code permissions:}, empty when not written
 * @param defaults      job {@code defaults.run}
 * @param runsOnGroup   {@code runs-on.group}, or null
 * @param uses          a reusable workflow call ({@code jobs.<id>.uses}), or null for a normal job
 * @param with          inputs of the reusable workflow call
 * @param secrets       secrets passed to the reusable workflow
 * @param inheritSecrets {@code secrets: inherit}
 */
public record GithubJob(Map<String, String> permissions, GithubWorkflow.RunDefaults defaults, String runsOnGroup,
                        String uses, Map<String, String> with, Map<String, String> secrets,
                        boolean inheritSecrets) implements JobDetails {

    public GithubJob {
        permissions = Map.copyOf(permissions);
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
    }
}

package dev.gantry.model;

import java.util.Map;

/**
 * What only a GitHub workflow has ("Workflow syntax for GitHub Actions").
 *
 * @param runName     {@code run-name:}, or null
 * @param permissions {@code permissions:} scope to level; {@code "*"} to {@code read-all}/{@code write-all}
 *                    for the short forms; empty when not written
 * @param defaults    {@code defaults.run}
 * @param concurrency workflow {@code concurrency:}, or null
 * @param callOutputs {@code on.workflow_call.outputs} name to value expression
 * @param callSecrets {@code on.workflow_call.secrets} name to required
 */
public record GithubWorkflow(String runName, Map<String, String> permissions, RunDefaults defaults,
                             Concurrency concurrency, Map<String, String> callOutputs,
                             Map<String, Boolean> callSecrets) implements PipelineDetails {

    public GithubWorkflow {
        permissions = Map.copyOf(permissions);
        callOutputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(callOutputs));
        callSecrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(callSecrets));
    }

    /**
     * {@code defaults.run}.
     *
     * @param shell            or null
     * @param workingDirectory or null
     */
    public record RunDefaults(String shell, String workingDirectory) {
        public static final RunDefaults NONE = new RunDefaults(null, null);
    }
}

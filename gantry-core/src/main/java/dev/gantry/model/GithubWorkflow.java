package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.Map;

/**
 * What only a GitHub workflow has ("Workflow syntax for GitHub Actions").
 *
 * @param runName     {@code run-name:} as written, or null
 * @param permissions {@code permissions:} scope to level ({@code read}, {@code write} or {@code none}) in
 *                    document order; {@code "*"} to {@code read-all} or {@code write-all} for the short
 *                    forms; empty for {@code permissions: {}} (no permission at all); null when not
 *                    written (the repository's default token permissions apply)
 * @param defaults    {@code defaults.run}
 * @param concurrency workflow {@code concurrency:}, or null
 * @param callOutputs {@code on.workflow_call.outputs} name to value expression, in document order
 * @param callSecrets {@code on.workflow_call.secrets} name to required, in document order
 * @param on          where {@code on:} is written, from its key to the end of its value, or null when
 *                    it is not (which events the workflow takes is unknown when an error lies in it)
 */
public record GithubWorkflow(String runName, Map<String, String> permissions, RunDefaults defaults,
                             Concurrency concurrency, Map<String, String> callOutputs,
                             Map<String, Boolean> callSecrets, SourceRange on) implements PipelineDetails {

    public GithubWorkflow {
        permissions = permissions == null ? null : ordered(permissions);
        callOutputs = ordered(callOutputs);
        callSecrets = ordered(callSecrets);
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /**
     * {@code defaults.run}: the shell and working directory of every {@code run} step.
     *
     * @param shell            or null
     * @param workingDirectory or null
     */
    public record RunDefaults(String shell, String workingDirectory) {
        public static final RunDefaults NONE = new RunDefaults(null, null);
    }
}

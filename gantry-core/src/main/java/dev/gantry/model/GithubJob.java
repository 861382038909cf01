package dev.gantry.model;

import java.util.Map;

/**
 * What only a GitHub job has ("Workflow syntax for GitHub Actions", {@code jobs.<job_id>}).
 *
 * @param permissions         job {@code permissions:}, in the shape of {@link GithubWorkflow#permissions()}:
 *                            null when not written (the workflow's apply)
 * @param defaults            job {@code defaults.run}
 * @param runsOnGroup         {@code runs-on.group}, or null
 * @param timeoutExpression   {@code timeout-minutes} when written as an expression (then
 *                            {@link Job#timeout()} is null), else null
 * @param deployment          {@code environment.deployment}: false when the job uses the environment's
 *                            secrets without creating a deployment; true by default
 * @param containerCredentials {@code container.credentials}, or null
 * @param serviceCredentials  {@code services.<service_id>.credentials} by service id, only those written
 * @param uses                a reusable workflow call ({@code jobs.<id>.uses}), or null for a normal job
 * @param with                inputs of the reusable workflow call, values as written, in document order
 * @param secrets             secrets passed to the reusable workflow, values as written, in document order
 * @param inheritSecrets      {@code secrets: inherit}
 */
public record GithubJob(Map<String, String> permissions, GithubWorkflow.RunDefaults defaults, String runsOnGroup,
                        String timeoutExpression, boolean deployment, Credentials containerCredentials,
                        Map<String, Credentials> serviceCredentials, String uses, Map<String, String> with,
                        Map<String, String> secrets, boolean inheritSecrets) implements JobDetails {

    public GithubJob {
        permissions = permissions == null ? null : GithubWorkflow.ordered(permissions);
        serviceCredentials = GithubWorkflow.ordered(serviceCredentials);
        with = GithubWorkflow.ordered(with);
        secrets = GithubWorkflow.ordered(secrets);
    }

    /**
     * Registry credentials of a job or service container ({@code credentials: {username, password}}).
     * Values are kept as written, normally {@code ${{ secrets.NAME }}} expressions, never resolved here.
     *
     * @param username as written, or null
     * @param password as written, or null
     */
    public record Credentials(String username, String password) {
    }
}

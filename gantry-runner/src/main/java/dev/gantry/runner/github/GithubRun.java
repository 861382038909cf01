package dev.gantry.runner.github;

import dev.gantry.runner.container.ContainerSupport;
import dev.gantry.event.RepositoryFacts;
import dev.gantry.model.Pipeline;
import dev.gantry.runner.actions.ActionServices;
import dev.gantry.runner.actions.BuiltinActions;
import dev.gantry.runner.actions.remote.ActionRepositories;
import dev.gantry.runner.workspace.WorkspacePreparer;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every job of one workflow run shares: the workflow, the event, the repository's facts,
 * secrets and variables, and the folders the run may use. Immutable except {@link #outputs()},
 * which is thread-safe.
 *
 * @param workflow     the workflow, without errors
 * @param workflowFile the workflow file, repository-relative (for GITHUB_WORKFLOW_REF)
 * @param facts        the repository and commit
 * @param eventName    the event, for example {@code push}
 * @param event        the payload ({@code github.event})
 * @param secrets      secret values by name ({@code secrets} context; masked everywhere)
 * @param vars         configuration variables ({@code vars} context)
 * @param inputs       typed inputs ({@code inputs} context)
 * @param hostEnv      the environment steps inherit from this machine (PATH, HOME, ...)
 * @param extraEnv     {@code --env} values, added to every step above the defaults
 * @param repository   the repository root on this machine
 * @param revision     {@code --ref}: run this committed revision instead of the working tree, or null
 * @param runDir       a fresh folder for this run's workspaces and temporary files
 * @param toolCache    RUNNER_TOOL_CACHE
 * @param runId        GITHUB_RUN_ID
 * @param verbose      show {@code ::debug::} lines
 * @param outputs      finished jobs' results and outputs
 * @param actions      the built-in actions {@code uses:} steps may name
 * @param repositories where the other actions {@code uses:} steps name come from
 * @param services     the stores built-in actions share (cache, artifacts)
 * @param containers   the container runtime, made on first use (only jobs with a container, services
 *                     or docker steps need it); its availability is checked once per run; and the
 *                     pull policy
 * @param workspaces   makes the jobs' workspaces; one made by {@link WorkspacePreparer#forRun()} reads
 *                     the working tree once for all of them
 */
public record GithubRun(Pipeline workflow, String workflowFile, RepositoryFacts facts, String eventName,
                        Map<String, Object> event, Map<String, String> secrets, Map<String, String> vars,
                        Map<String, Object> inputs, Map<String, String> hostEnv, Map<String, String> extraEnv,
                        Path repository, String revision, Path runDir, Path toolCache, long runId, boolean verbose,
                        JobOutputs outputs, BuiltinActions actions, ActionRepositories repositories,
                        ActionServices services, ContainerSupport containers, WorkspacePreparer workspaces) {

    public GithubRun {
        secrets = Map.copyOf(secrets);
        vars = Map.copyOf(vars);
        hostEnv = Map.copyOf(hostEnv);
        extraEnv = Map.copyOf(extraEnv);
    }

    /** A run with a fresh outputs store. */
    public static GithubRun of(Pipeline workflow, String workflowFile, RepositoryFacts facts, String eventName,
                               Map<String, Object> event, Map<String, String> secrets, Map<String, String> vars,
                               Map<String, Object> inputs, Map<String, String> hostEnv, Map<String, String> extraEnv,
                               Path repository, String revision, Path runDir, Path toolCache, long runId,
                               boolean verbose, BuiltinActions actions, ActionRepositories repositories,
                               ActionServices services, ContainerSupport containers, WorkspacePreparer workspaces) {
        return new GithubRun(workflow, workflowFile, facts, eventName, event, secrets, vars, inputs, hostEnv, extraEnv,
                repository, revision, runDir, toolCache, runId, verbose, new JobOutputs(), actions, repositories, services,
                containers, workspaces);
    }

    /** The workflow's display name: its {@code name:}, else the file path, as GitHub shows it. */
    public String workflowName() {
        return workflow.name() != null ? workflow.name() : workflowFile;
    }
}

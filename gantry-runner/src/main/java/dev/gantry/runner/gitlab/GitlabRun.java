package dev.gantry.runner.gitlab;

import dev.gantry.runner.container.ContainerSupport;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.model.Pipeline;
import dev.gantry.runner.store.CacheStore;
import dev.gantry.runner.workspace.WorkspacePreparer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What every job of one GitLab pipeline run shares. Immutable.
 *
 * @param pipeline      the pipeline, without errors
 * @param file          the pipeline file, repository-relative (CI_CONFIG_PATH)
 * @param facts         the repository and commit
 * @param source        CI_PIPELINE_SOURCE: push, merge_request_event, schedule, web, api, trigger, ...
 * @param pipelineId    CI_PIPELINE_ID (job ids count up from it)
 * @param createdAt     when the pipeline was created
 * @param secrets       masked variables ({@code --secret}), project level; masked in every output
 * @param fileVariables file-type variables ({@code --file-var}): the job sees the path of a file holding the value
 * @param runVariables  pipeline variables ({@code --variable}), the highest precedence
 * @param hostEnv       the environment scripts inherit from this machine (PATH, HOME, ...)
 * @param extraEnv      {@code --env} values, added to every script's environment below the CI variables
 * @param repository    the repository root on this machine
 * @param revision      {@code --ref}: run this committed revision instead of the working tree, or null
 * @param runDir        a fresh folder for this run's workspaces, artifacts and temporary files
 * @param manual        manual jobs the user asked to run ({@code --manual}), by name or parallel name
 * @param executor      how jobs execute
 * @param colour        the output goes to a terminal: echo commands in green, as GitLab Runner does
 * @param cache         where caches live between runs: the machine's shared store
 * @param containers    the container runtime for the Docker executor, made on first use, and the pull policy
 * @param workspaces    makes the jobs' project folders; one made by {@link WorkspacePreparer#forRun()}
 *                      reads the working tree once for all of them
 */
public record GitlabRun(Pipeline pipeline, String file, RepositoryFacts facts, String source, long pipelineId,
                        Instant createdAt, Map<String, String> secrets, Map<String, String> fileVariables,
                        Map<String, String> runVariables, Map<String, String> hostEnv, Map<String, String> extraEnv,
                        Path repository, String revision, Path runDir, Set<String> manual, Executor executor,
                        boolean colour, CacheStore cache, ContainerSupport containers,
                        WorkspacePreparer workspaces) {

    public GitlabRun {
        secrets = Map.copyOf(secrets);
        fileVariables = Map.copyOf(fileVariables);
        runVariables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runVariables));
        hostEnv = Map.copyOf(hostEnv);
        extraEnv = Map.copyOf(extraEnv);
        manual = Set.copyOf(manual);
    }

    /** A run whose Docker runtime is made on first use. */
    public static GitlabRun of(Pipeline pipeline, String file, RepositoryFacts facts, String source, long pipelineId,
                               Instant createdAt, Map<String, String> secrets, Map<String, String> fileVariables,
                               Map<String, String> runVariables, Map<String, String> hostEnv,
                               Map<String, String> extraEnv, Path repository, String revision, Path runDir,
                               Set<String> manual, Executor executor, boolean colour,
                               CacheStore cache, ContainerSupport containers, WorkspacePreparer workspaces) {
        return new GitlabRun(pipeline, file, facts, source, pipelineId, createdAt, secrets, fileVariables, runVariables,
                hostEnv, extraEnv, repository, revision, runDir, manual, executor, colour,
                cache, containers, workspaces);
    }
}

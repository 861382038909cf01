package dev.gantry.runner.actions.docker;

import dev.gantry.runner.container.ContainerSupport;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the job gives one run of a docker action.
 *
 * @param containers    the run's engine, its availability and pull policy
 * @param runId         labels the container, so that the run's cleanup finds it
 * @param containerName unique on the engine (see {@link dev.gantry.runner.container.ResourceNames});
 *                      the pre and post stages append {@code -pre} and {@code -post}
 * @param network       the job's network when it has services, so that they are reachable by
 *                      their names; empty for the engine's default network
 * @param folders       the host folders mounted under {@code /github}
 * @param env           the step's environment as it would be in a job container: the default
 *                      variables, the workflow's, job's and step's {@code env}, GITHUB_ENV values
 *                      and the step's file-command variables, with host paths (they are translated);
 *                      not this machine's own environment
 * @param timeout       when the container is stopped as timed out; empty for none
 * @param log           receives the lines of an image build and other setup notes (not the
 *                      action's own output)
 */
public record DockerStepContext(ContainerSupport containers, String runId, String containerName,
                                Optional<String> network, DockerStepFolders folders, Map<String, String> env,
                                Optional<Duration> timeout, Consumer<String> log) {

    public DockerStepContext {
        Objects.requireNonNull(containers, "containers");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(folders, "folders");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(log, "log");
    }
}

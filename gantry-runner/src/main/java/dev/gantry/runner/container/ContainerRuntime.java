package dev.gantry.runner.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A container engine as the job runners use it: images, one network per job, service and job
 * containers, commands exec'd into them, copies, logs and cleanup.
 *
 * <h2>Order of calls</h2>
 * <ol>
 *   <li>{@link #available()} once before a run that needs containers; when it says no, the run
 *       fails with its detail (or runs on the host where the format allows).</li>
 *   <li>Per job: {@link #createNetwork}; {@link #pull} each image; {@link #start} each service,
 *       then {@link #awaitReady} each; {@link #start} the job container (built with
 *       {@link ContainerSpec.Builder#keepAlive()}); {@link #exec} each step (or {@link #run} a container of its own for a step that names
 *       an image); finally
 *       {@link #remove} the job's containers and {@link #removeNetwork}.</li>
 *   <li>Per run, always, also after a failure, a timeout or Ctrl-C: {@link #cleanup} with the run
 *       id, from a {@code finally} block and from a shutdown hook. It removes whatever a job did not.</li>
 * </ol>
 *
 * <h2>Threads</h2>
 * Every method may be called from any thread, concurrently; jobs of one run share one runtime.
 * {@link ContainerExec#await} delivers output on the thread that calls it.
 *
 * <h2>After a crash</h2>
 * Every container, network and volume that a runtime creates carries the label {@link #RUN_LABEL}
 * with the run id, set in the same engine call that creates it, so no unlabelled object exists
 * even for a moment. When Gantry dies without cleaning up (SIGKILL, power loss), the objects stay
 * until {@code cleanup} is called with that run id; {@link #runsWithLeftovers()} lists such ids.
 * Images are not labelled per run: pulled and built images are a cache shared by runs.
 *
 * <h2>Errors</h2>
 * Operations that fail throw {@link ContainerException} with a message for the user; cleanup and
 * removal of something already gone do not fail.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** The label that holds the run id on everything a run creates. */
    String RUN_LABEL = "dev.gantry.run";

    /** Whether the engine answers, and if not, why (never throws). */
    Availability available();

    /** Whether {@code image} (a reference such as {@code redis:7}) is present on the engine. */
    boolean imageExists(String image) throws ContainerException;

    /**
     * Makes {@code image} present according to {@code policy}. When the registry cannot be
     * reached the message names the image and says that no registry is reachable.
     */
    void pull(String image, PullPolicy policy) throws ContainerException;

    /**
     * Builds the image described by {@code contextDirectory/Dockerfile} and tags it {@code tag},
     * honouring {@code .dockerignore}. Base images are taken from the engine, never pulled. Callers
     * that cache (one image per docker action and version) check {@link #imageExists} first.
     *
     * @param progress receives the builder's output, line by line
     */
    void build(Path contextDirectory, String tag, Consumer<String> progress) throws ContainerException;

    /** Creates a user-defined bridge network labelled with the run id (see {@link ResourceNames}). */
    void createNetwork(String name, String runId) throws ContainerException;

    /** Removes a network; one that does not exist is fine. Its containers must be removed first. */
    void removeNetwork(String name) throws ContainerException;

    /**
     * Removes a job's containers, then its network, as far as the engine lets it: what is left the
     * run's {@link #cleanup} removes by its label. Never throws.
     */
    default void removeQuietly(List<String> containers, String network) {
        for (String id : containers) {
            try {
                remove(id);
            } catch (ContainerException | RuntimeException e) {
                // Left to cleanup(runId).
            }
        }
        try {
            removeNetwork(network);
        } catch (ContainerException | RuntimeException e) {
            // Same.
        }
    }

    /**
     * Creates and starts a container and reports the host ports it got. The image must be present
     * ({@link #pull} first). Named volumes that do not exist are created with the run label. When
     * the start fails, the created container is removed again.
     */
    StartedContainer start(ContainerSpec spec) throws ContainerException;

    /**
     * Returns once the container is ready: healthy when its image or its options define a health
     * check, running otherwise. Fails when it becomes unhealthy, exits, or is not ready after
     * {@code timeout}; the message then holds its last log lines.
     */
    void awaitReady(String container, Duration timeout) throws ContainerException;

    /**
     * Starts a command in a running container; never throws: a command that cannot start reports
     * why in {@link ExecResult#startFailure()}. The image must provide {@code sh} and {@code kill},
     * through which the command is started and stopped.
     */
    ContainerExec exec(String container, ExecSpec spec);

    /**
     * Runs a container to completion, as {@code docker run --rm} does: {@link ContainerExec#await}
     * creates and starts it from {@code spec} (whose image must be present: {@link #pull} or
     * {@link #build} first), delivers its output from the first line, returns once it has exited,
     * and removes it in every case: a failed start, an exit, a timeout, a cancel. Nothing happens
     * before {@code await}; a cancel before it means the container is never created. A container
     * that cannot be created or started (unknown entrypoint, image missing) ends with
     * {@link ExecResult#startFailure()}. Stopping signals the container's main process (see
     * {@link ContainerExec#await}); the image needs no shell.
     *
     * @param timeout when the container is stopped as timed out; empty for no limit
     */
    ContainerExec run(ContainerSpec spec, Optional<Duration> timeout);

    /**
     * Copies a host file or directory into the container, as {@code containerDirectory/<its name>};
     * the directory must exist in the container.
     */
    void copyIn(String container, Path source, String containerDirectory) throws ContainerException;

    /**
     * Copies a file or directory of the container into {@code hostDirectory}, as
     * {@code hostDirectory/<its name>}, keeping executable bits. Entries that would land outside
     * {@code hostDirectory} are refused.
     */
    void copyOut(String container, String containerPath, Path hostDirectory) throws ContainerException;

    /** The container's last {@code lines} lines of output, stdout and stderr interleaved. */
    List<String> logs(String container, int lines) throws ContainerException;

    /** Removes a container, running or not, with its anonymous volumes; a missing one is fine. */
    void remove(String container) throws ContainerException;

    /**
     * Removes every container, network and volume labelled with {@code runId}, in that order.
     * Idempotent, never throws, safe to call from a shutdown hook and concurrently with jobs that
     * still run: their containers go too, and commands exec'd in them end. What a job creates
     * after the call has listed the run's objects stays, so cancel the jobs first, then clean up.
     */
    CleanupReport cleanup(String runId);

    /** Run ids that still have containers, networks or volumes on the engine. */
    Set<String> runsWithLeftovers() throws ContainerException;

    /** Releases the connection to the engine; does not remove anything. */
    @Override
    void close();
}

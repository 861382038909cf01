package dev.gantry.runner.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Optional;

/**
 * A container run to completion, as {@code docker run --rm} does (docs.docker.com "docker container
 * run"): created and started from its spec, its output followed from the first byte (the engine's
 * log of the container, so nothing printed before the stream was opened is lost), its exit status
 * read once it has stopped, and then removed with its anonymous volumes, whatever happened: a
 * failed start, a timeout, a cancel, an interrupt or an error of the engine.
 *
 * <h2>How it is stopped</h2>
 * The container's main process gets SIGINT, then SIGTERM after {@link
 * ExecStopSettings#interruptGrace()}, then SIGKILL after {@link ExecStopSettings#terminateGrace()}
 * (the order of docs.github.com "Canceling a workflow"; {@link StopEscalation} decides when). A
 * main process that installs no handlers ignores SIGINT and SIGTERM (the kernel does not apply
 * default actions to a namespace's init), so such a container ends with the SIGKILL, after both
 * grace periods.
 *
 * <h2>Threads</h2>
 * docker-java delivers frames on its own thread; a {@link FrameFollower} queues them and splits
 * them into lines on the thread in {@link #await}, which alone calls the listener and sends signals.
 */
final class DockerRun implements ContainerExec {

    private final DockerConnection docker;
    private final DockerContainers containers;
    private final ContainerSpec spec;
    private final Optional<Duration> timeout;
    private final ExecStopSettings settings;
    private final FrameFollower output;

    DockerRun(DockerConnection docker, DockerContainers containers, ContainerSpec spec, Optional<Duration> timeout,
              ExecStopSettings settings) {
        this.docker = docker;
        this.containers = containers;
        this.spec = spec;
        this.timeout = timeout;
        this.settings = settings;
        this.output = new FrameFollower(settings.maxLineBytes());
    }

    @Override
    public void cancel() {
        output.cancel();
    }

    @Override
    public ExecResult await(ExecListener listener) {
        boolean cancelledBefore = output.begin();
        StopEscalation stop = new StopEscalation(settings, System.nanoTime(), timeout);
        if (cancelledBefore) {
            return new ExecResult(-1, false, true, stop.elapsed(System.nanoTime()), Optional.empty());
        }
        String id;
        try {
            id = containers.start(spec).id();
        } catch (ContainerException e) {
            // start() removes a container that was created but could not start.
            return new ExecResult(-1, false, false, stop.elapsed(System.nanoTime()), Optional.of(e.getMessage()));
        }
        try {
            return follow(id, listener, stop);
        } finally {
            try {
                containers.remove(id);
            } catch (ContainerException | RuntimeException e) {
                // cleanup(runId) at the end of the run removes it by its label.
            }
        }
    }

    private ExecResult follow(String id, ExecListener listener, StopEscalation stop) {
        docker.streams.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(output.callback());
        try {
            Optional<Throwable> streamError = output.follow(listener, () -> {
                stop.advance(System.nanoTime(), output.cancelRequested()).ifPresent(due -> signal(id, due));
                return stop.waitNanos(System.nanoTime());
            });
            Optional<Integer> exitCode = exitCode(id);
            Optional<String> failure = Optional.empty();
            if (exitCode.isEmpty()) {
                failure = Optional.of("lost track of container '" + spec.name() + "'"
                        + streamError.map(e -> ": " + DockerErrors.engineMessage(e)).orElse(""));
            }
            return new ExecResult(exitCode.orElse(-1), stop.timedOut(), stop.cancelled(),
                    stop.elapsed(System.nanoTime()), failure);
        } finally {
            output.close();
        }
    }

    /** Sends {@code signal} to the container's main process; one that has already stopped is fine. */
    private void signal(String id, StopEscalation.Signal signal) {
        try {
            docker.control.killContainerCmd(id).withSignal("SIG" + signal.name()).exec();
        } catch (NotFoundException | ConflictException e) {
            // Gone or no longer running: then it has stopped already.
        } catch (RuntimeException e) {
            // The engine failed to signal; the SIGKILL stage or the removal afterwards ends it.
        }
    }

    /** The exit status once the engine has recorded it (the log stream ends first). */
    private Optional<Integer> exitCode(String id) {
        return EngineExitCodes.await(() -> {
            InspectContainerResponse.ContainerState state = docker.control.inspectContainerCmd(id).exec().getState();
            return state != null && !Boolean.TRUE.equals(state.getRunning()) ? state.getExitCodeLong() : null;
        });
    }
}

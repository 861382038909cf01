package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * (the order of docs.github.com "Canceling a workflow"). A main process that installs no handlers
 * ignores SIGINT and SIGTERM (the kernel does not apply default actions to a namespace's init), so
 * such a container ends with the SIGKILL, after both grace periods.
 *
 * <h2>Threads</h2>
 * docker-java delivers frames on its own thread; they are queued and split into lines on the thread
 * in {@link #await}, which alone calls the listener and sends signals.
 */
final class DockerRun implements ContainerExec {

    private static final Object END = new Object();
    private static final Object WAKE = new Object();

    private enum Stage { RUNNING, INTERRUPTED, TERMINATED, KILLED }

    private final DockerConnection docker;
    private final DockerContainers containers;
    private final ContainerSpec spec;
    private final Optional<Duration> timeout;
    private final ExecStopSettings settings;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean awaited = new AtomicBoolean();
    private volatile boolean cancelRequested;

    DockerRun(DockerConnection docker, DockerContainers containers, ContainerSpec spec, Optional<Duration> timeout,
              ExecStopSettings settings) {
        this.docker = docker;
        this.containers = containers;
        this.spec = spec;
        this.timeout = timeout;
        this.settings = settings;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        events.add(WAKE);
    }

    @Override
    public ExecResult await(ExecListener listener) {
        if (awaited.getAndSet(true)) {
            throw new IllegalStateException("await was already called");
        }
        long start = System.nanoTime();
        boolean interrupted = Thread.interrupted();
        cancelRequested |= interrupted;
        if (cancelRequested) {
            return new ExecResult(-1, false, true, since(start), Optional.empty());
        }
        String id;
        try {
            id = containers.start(spec).id();
        } catch (ContainerException e) {
            // start() removes a container that was created but could not start.
            return new ExecResult(-1, false, false, since(start), Optional.of(e.getMessage()));
        }
        try {
            return follow(id, listener, start);
        } finally {
            try {
                containers.remove(id);
            } catch (ContainerException | RuntimeException e) {
                // cleanup(runId) at the end of the run removes it by its label.
            }
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ExecResult follow(String id, ExecListener listener, long start) {
        Closeable stream = docker.streams.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        events.add(frame);
                    }

                    @Override
                    public void onError(Throwable error) {
                        events.add(error);
                    }

                    @Override
                    public void onComplete() {
                        events.add(END);
                    }
                });
        LineSplitter stdout = new LineSplitter(settings.maxLineBytes());
        LineSplitter stderr = new LineSplitter(settings.maxLineBytes());
        Stage stage = Stage.RUNNING;
        long stageSince = 0;
        boolean timedOut = false;
        boolean cancelled = false;
        boolean interrupted = false;
        Throwable streamError = null;
        long deadline = timeout.map(t -> start + t.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                long now = System.nanoTime();
                if (stage == Stage.RUNNING && (cancelRequested || now - deadline >= 0)) {
                    cancelled = cancelRequested;
                    timedOut = !cancelled;
                    stage = Stage.INTERRUPTED;
                    stageSince = now;
                    signal(id, "SIGINT");
                } else if (stage == Stage.INTERRUPTED && now - stageSince >= settings.interruptGrace().toNanos()) {
                    stage = Stage.TERMINATED;
                    stageSince = now;
                    signal(id, "SIGTERM");
                } else if (stage == Stage.TERMINATED && now - stageSince >= settings.terminateGrace().toNanos()) {
                    stage = Stage.KILLED;
                    signal(id, "SIGKILL");
                }
                Object event;
                try {
                    event = events.poll(waitNanos(stage, stageSince, deadline), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelRequested = true;
                    continue;
                }
                if (event instanceof Frame frame) {
                    if (frame.getStreamType() == StreamType.STDERR) {
                        stderr.accept(frame.getPayload(), line -> listener.line(ExecStream.STDERR, line));
                    } else {
                        stdout.accept(frame.getPayload(), line -> listener.line(ExecStream.STDOUT, line));
                    }
                } else if (event == END) {
                    break;
                } else if (event instanceof Throwable error) {
                    streamError = error;
                    break;
                }
            }
            stdout.finish(line -> listener.line(ExecStream.STDOUT, line));
            stderr.finish(line -> listener.line(ExecStream.STDERR, line));
            Optional<Integer> exitCode = exitCode(id);
            Optional<String> failure = Optional.empty();
            if (exitCode.isEmpty()) {
                failure = Optional.of("lost track of container '" + spec.name() + "'"
                        + (streamError == null ? "" : ": " + DockerErrors.engineMessage(streamError)));
            }
            return new ExecResult(exitCode.orElse(-1), timedOut, cancelled, since(start), failure);
        } finally {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the stream ended or the connection is gone; nothing to release
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long to wait for output before the next stop decision is due. */
    private long waitNanos(Stage stage, long stageSince, long deadline) {
        long now = System.nanoTime();
        return switch (stage) {
            case RUNNING -> deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - now);
            case INTERRUPTED -> Math.max(0, stageSince + settings.interruptGrace().toNanos() - now);
            case TERMINATED -> Math.max(0, stageSince + settings.terminateGrace().toNanos() - now);
            case KILLED -> Long.MAX_VALUE;
        };
    }

    /** Sends {@code signal} to the container's main process; one that has already stopped is fine. */
    private void signal(String id, String signal) {
        try {
            docker.control.killContainerCmd(id).withSignal(signal).exec();
        } catch (NotFoundException | ConflictException e) {
            // Gone or no longer running: then it has stopped already.
        } catch (RuntimeException e) {
            // The engine failed to signal; the SIGKILL stage or the removal afterwards ends it.
        }
    }

    /**
     * The exit status once the engine has recorded it: the log stream ends when the container
     * stops, and its state follows a moment later.
     */
    private Optional<Integer> exitCode(String id) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                InspectContainerResponse.ContainerState state = docker.control.inspectContainerCmd(id).exec().getState();
                if (state != null && !Boolean.TRUE.equals(state.getRunning()) && state.getExitCodeLong() != null) {
                    return Optional.of(state.getExitCodeLong().intValue());
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

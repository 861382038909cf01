package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A command exec'd in a container, with output read line by line and stopping by signals.
 *
 * <h2>How a command is stopped</h2>
 * The Engine API has no call that signals an exec'd process. So the command is started through a
 * small wrapper, {@code sh -c 'echo gantry-exec-pid=$$ >&2; exec "$@"' gantry-exec ARGV...}: the
 * shell prints its pid as the first line of stderr (taken out of the output here) and then
 * replaces itself with the command, which keeps that pid. The engine starts every exec'd process
 * as the leader of a new session, so that pid is also the id of the command's process group. To
 * stop the command, a second exec, as root, runs {@code kill -SIGNAL -PGID} in the container:
 * SIGINT, then SIGTERM after {@link ExecStopSettings#interruptGrace()}, then SIGKILL after
 * {@link ExecStopSettings#terminateGrace()}, as for host steps (the signal order is docs.github.com
 * "Canceling a workflow"). Once a stopped command has exited, its group gets SIGKILL once more, so
 * that background processes it left do not outlive it. Without a pid (the wrapper did not get to
 * print it) the command cannot be signalled; removing the container stops it.
 *
 * <p>When the command leaves background processes that hold its stdout or stderr open, the engine
 * ends the output stream about 2 s after the command exited (Docker's own {@code docker exec}
 * waits just as long).
 *
 * <h2>Threads</h2>
 * docker-java delivers frames on its own thread; they are queued and split into lines on the thread
 * in {@link #await}, which alone calls the listener and sends signals.
 */
final class DockerExec implements ContainerExec {

    static final String PID_MARKER = "gantry-exec-pid=";
    private static final String WRAPPER = "echo " + PID_MARKER + "$$ >&2; exec \"$@\"";
    private static final Object END = new Object();
    private static final Object WAKE = new Object();
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    private enum Stage { RUNNING, INTERRUPTED, TERMINATED, KILLED }

    private final DockerConnection docker;
    private final String container;
    private final ExecSpec spec;
    private final ExecStopSettings settings;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean awaited = new AtomicBoolean();
    private volatile boolean cancelRequested;

    DockerExec(DockerConnection docker, String container, ExecSpec spec, ExecStopSettings settings) {
        this.docker = docker;
        this.container = container;
        this.spec = spec;
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
        String execId;
        try {
            execId = create();
        } catch (RuntimeException e) {
            return new ExecResult(-1, false, false, since(start), Optional.of("cannot run a command in container '"
                    + container + "': " + DockerErrors.engineMessage(e)));
        }
        Closeable stream = docker.streams.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
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
        Output output = new Output(listener, settings.maxLineBytes());
        Stage stage = Stage.RUNNING;
        long stageSince = 0;
        boolean timedOut = false;
        boolean cancelled = false;
        Throwable streamError = null;
        long deadline = spec.timeout().map(t -> start + t.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                long now = System.nanoTime();
                if (output.pid > 0) {
                    if (stage == Stage.RUNNING && (cancelRequested || now - deadline >= 0)) {
                        cancelled = cancelRequested;
                        timedOut = !cancelled;
                        stage = Stage.INTERRUPTED;
                        stageSince = now;
                        signal(output.pid, "INT");
                    } else if (stage == Stage.INTERRUPTED && now - stageSince >= settings.interruptGrace().toNanos()) {
                        stage = Stage.TERMINATED;
                        stageSince = now;
                        signal(output.pid, "TERM");
                    } else if (stage == Stage.TERMINATED && now - stageSince >= settings.terminateGrace().toNanos()) {
                        stage = Stage.KILLED;
                        signal(output.pid, "KILL");
                    }
                }
                Object event;
                try {
                    event = events.poll(waitNanos(stage, stageSince, deadline, output.pid), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelRequested = true;
                    continue;
                }
                if (event instanceof Frame frame) {
                    output.accept(frame);
                } else if (event == END) {
                    break;
                } else if (event instanceof Throwable error) {
                    streamError = error;
                    break;
                }
            }
            output.finish();
            if (stage != Stage.RUNNING) {
                signal(output.pid, "KILL");
            }
            Optional<Integer> exitCode = exitCode(execId);
            Optional<String> failure = Optional.empty();
            if (streamError != null && exitCode.isEmpty()) {
                failure = Optional.of("lost the output of a command in container '" + container + "': "
                        + DockerErrors.engineMessage(streamError));
            } else if (output.pid <= 0) {
                failure = Optional.of("could not start the command in container '" + container + "' (Gantry runs"
                        + " commands through sh, which the image must provide)"
                        + (output.early.isEmpty() ? "" : ": " + String.join(" ", output.early)));
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

    private String create() {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", WRAPPER, "gantry-exec"));
        argv.addAll(spec.argv());
        try (ExecCreateCmd create = docker.control.execCreateCmd(container)) {
            create.withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            spec.workingDir().ifPresent(create::withWorkingDir);
            spec.user().ifPresent(create::withUser);
            return create.exec().getId();
        }
    }

    /** How long to wait for output before the next stop decision is due. */
    private long waitNanos(Stage stage, long stageSince, long deadline, long pid) {
        long now = System.nanoTime();
        if (pid <= 0 && (cancelRequested || now - deadline >= 0)) {
            return TimeUnit.MILLISECONDS.toNanos(10); // the pid is about to arrive; then stop at once
        }
        return switch (stage) {
            case RUNNING -> deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - now);
            case INTERRUPTED -> Math.max(0, stageSince + settings.interruptGrace().toNanos() - now);
            case TERMINATED -> Math.max(0, stageSince + settings.terminateGrace().toNanos() - now);
            case KILLED -> Long.MAX_VALUE;
        };
    }

    /**
     * Sends {@code signal} to the process group {@code pgid} (or the process, if it leads none).
     * The kill exec is started detached: the engine handles the exit events of one container one
     * after the other, so attaching to it could wait behind the stopped command's own exit (up to
     * the 2 s described above) although the signal was long delivered.
     */
    private void signal(long pgid, String signal) {
        if (pgid <= 0) {
            return;
        }
        String kill = "kill -" + signal + " -" + pgid + " 2>/dev/null || kill -" + signal + " " + pgid + " 2>/dev/null";
        try (ExecCreateCmd create = docker.control.execCreateCmd(container)) {
            String id = create.withCmd("sh", "-c", kill).withUser("0").exec().getId();
            docker.control.execStartCmd(id).withDetach(true).exec(new ResultCallback.Adapter<Frame>())
                    .awaitCompletion(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            cancelRequested = true;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The container is gone or stopping; then so is the command.
        }
    }

    /** The exit code once the engine has recorded it (shortly after the stream ended). */
    private Optional<Integer> exitCode(String execId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                InspectExecResponse exec = docker.control.inspectExecCmd(execId).exec();
                if (!Boolean.TRUE.equals(exec.isRunning()) && exec.getExitCodeLong() != null) {
                    return Optional.of(exec.getExitCodeLong().intValue());
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

    /** Splits frames into lines per stream and takes the wrapper's pid line out of stderr. */
    private static final class Output {
        private final ExecListener listener;
        private final LineSplitter stdout;
        private final LineSplitter stderr;
        /** The command's pid once the wrapper printed it, else 0. */
        long pid;
        /** Whether the first stderr line (the wrapper's) has been seen. */
        private boolean sawFirstErrorLine;
        /** The first stderr lines when there was no pid line: why the wrapper failed. */
        final List<String> early = new ArrayList<>();

        Output(ExecListener listener, int maxLineBytes) {
            this.listener = listener;
            this.stdout = new LineSplitter(maxLineBytes);
            this.stderr = new LineSplitter(maxLineBytes);
        }

        void accept(Frame frame) {
            if (frame.getStreamType() == StreamType.STDERR) {
                stderr.accept(frame.getPayload(), this::errorLine);
            } else {
                stdout.accept(frame.getPayload(), line -> listener.line(ExecStream.STDOUT, line));
            }
        }

        private void errorLine(String line) {
            if (!sawFirstErrorLine) {
                sawFirstErrorLine = true;
                if (line.startsWith(PID_MARKER)) {
                    try {
                        pid = Long.parseLong(line.substring(PID_MARKER.length()).strip());
                        return;
                    } catch (NumberFormatException e) {
                        // not ours after all: deliver it
                    }
                }
            }
            if (pid <= 0 && early.size() < 5) {
                early.add(line);
            }
            listener.line(ExecStream.STDERR, line);
        }

        void finish() {
            stdout.finish(line -> listener.line(ExecStream.STDOUT, line));
            stderr.finish(this::errorLine);
        }
    }
}

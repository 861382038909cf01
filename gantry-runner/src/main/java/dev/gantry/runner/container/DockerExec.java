package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * "Canceling a workflow"; {@link StopEscalation} decides when). Once a stopped command has exited, its group gets SIGKILL once more, so
 * that background processes it left do not outlive it. Without a pid (the wrapper did not get to
 * print it) the command cannot be signalled; removing the container stops it.
 *
 * <p>When the command leaves background processes that hold its stdout or stderr open, the engine
 * ends the output stream about 2 s after the command exited (Docker's own {@code docker exec}
 * waits just as long).
 *
 * <h2>Threads</h2>
 * docker-java delivers frames on its own thread; a {@link FrameFollower} queues them and splits
 * them into lines on the thread in {@link #await}, which alone calls the listener and sends signals.
 */
final class DockerExec implements ContainerExec {

    static final String PID_MARKER = "gantry-exec-pid=";
    private static final String WRAPPER = "echo " + PID_MARKER + "$$ >&2; exec \"$@\"";
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    private final DockerConnection docker;
    private final String container;
    private final ExecSpec spec;
    private final ExecStopSettings settings;
    private final FrameFollower output;

    DockerExec(DockerConnection docker, String container, ExecSpec spec, ExecStopSettings settings) {
        this.docker = docker;
        this.container = container;
        this.spec = spec;
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
        StopEscalation stop = new StopEscalation(settings, System.nanoTime(), spec.timeout());
        if (cancelledBefore) {
            return new ExecResult(-1, false, true, stop.elapsed(System.nanoTime()), Optional.empty());
        }
        String execId;
        try {
            execId = create();
        } catch (RuntimeException e) {
            return new ExecResult(-1, false, false, stop.elapsed(System.nanoTime()), Optional.of(
                    "cannot run a command in container '" + container + "': " + DockerErrors.engineMessage(e)));
        }
        docker.streams.execStartCmd(execId).exec(output.callback());
        WrapperOutput lines = new WrapperOutput(listener);
        try {
            Optional<Throwable> streamError = output.follow(lines, () -> nextWait(stop, lines.pid));
            if (stop.stopping()) {
                signal(lines.pid, StopEscalation.Signal.KILL);
            }
            Optional<Integer> exitCode = exitCode(execId);
            Optional<String> failure = Optional.empty();
            if (streamError.isPresent() && exitCode.isEmpty()) {
                failure = Optional.of("lost the output of a command in container '" + container + "': "
                        + DockerErrors.engineMessage(streamError.get()));
            } else if (lines.pid <= 0) {
                failure = Optional.of("could not start the command in container '" + container + "' (Gantry runs"
                        + " commands through sh, which the image must provide)"
                        + (lines.early.isEmpty() ? "" : ": " + String.join(" ", lines.early)));
            }
            return new ExecResult(exitCode.orElse(-1), stop.timedOut(), stop.cancelled(),
                    stop.elapsed(System.nanoTime()), failure);
        } finally {
            output.close();
        }
    }

    /**
     * Sends the stop signal that is due, once the command's pid is known, and returns how many
     * nanoseconds to wait for output before deciding again.
     */
    private long nextWait(StopEscalation stop, long pid) {
        if (pid > 0) {
            stop.advance(System.nanoTime(), output.cancelRequested()).ifPresent(due -> signal(pid, due));
        }
        long now = System.nanoTime();
        if (pid <= 0 && stop.due(now, output.cancelRequested())) {
            return TimeUnit.MILLISECONDS.toNanos(10); // the pid is about to arrive; then stop at once
        }
        return stop.waitNanos(now);
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

    /**
     * Sends {@code signal} to the process group {@code pgid} (or the process, if it leads none).
     * The kill exec is started detached: the engine handles the exit events of one container one
     * after the other, so attaching to it could wait behind the stopped command's own exit (up to
     * the 2 s described above) although the signal was long delivered.
     */
    private void signal(long pgid, StopEscalation.Signal signal) {
        if (pgid <= 0) {
            return;
        }
        String name = signal.name();
        String kill = "kill -" + name + " -" + pgid + " 2>/dev/null || kill -" + name + " " + pgid + " 2>/dev/null";
        try (ExecCreateCmd create = docker.control.execCreateCmd(container)) {
            String id = create.withCmd("sh", "-c", kill).withUser("0").exec().getId();
            docker.control.execStartCmd(id).withDetach(true).exec(new ResultCallback.Adapter<Frame>())
                    .awaitCompletion(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Kept for FrameFollower, whose next wait takes it as a cancel request.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The container is gone or stopping; then so is the command.
        }
    }

    /** The exit code once the engine has recorded it (shortly after the stream ended). */
    private Optional<Integer> exitCode(String execId) {
        return EngineExitCodes.await(() -> {
            InspectExecResponse exec = docker.control.inspectExecCmd(execId).exec();
            return Boolean.TRUE.equals(exec.isRunning()) ? null : exec.getExitCodeLong();
        });
    }

    /** Takes the wrapper's pid line out of stderr and passes every other line on. */
    private static final class WrapperOutput implements ExecListener {
        private final ExecListener listener;
        /** The command's pid once the wrapper printed it, else 0. */
        long pid;
        /** Whether the first stderr line (the wrapper's) has been seen. */
        private boolean sawFirstErrorLine;
        /** The first stderr lines when there was no pid line: why the wrapper failed. */
        final List<String> early = new ArrayList<>();

        WrapperOutput(ExecListener listener) {
            this.listener = listener;
        }

        @Override
        public void line(ExecStream stream, String line) {
            if (stream == ExecStream.STDERR) {
                errorLine(line);
            } else {
                listener.line(stream, line);
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
    }
}

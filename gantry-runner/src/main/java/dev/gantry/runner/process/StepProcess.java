package dev.gantry.runner.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running process of one step, from {@link ProcessLauncher#start}.
 *
 * <p>Contract. One thread calls {@link #await(OutputListener)} exactly once; it delivers the
 * output on that thread and returns when the step is over. Any thread may call {@link #cancel()}
 * at any time, any number of times. A step is over when its main process has exited and the
 * output written until then has been delivered; processes it started in the background keep
 * running (their later output is not delivered) until the job's
 * {@link ProcessGroupRegistry#killAll()}, except after a cancel or timeout, when the whole group
 * is killed before {@code await} returns.
 *
 * <p>Output ordering. stdout and stderr share one file, so lines arrive in the order they were
 * written, whichever stream wrote them; all are reported as {@link StreamKind#STDOUT}. Every line
 * the main process (and anything it waited for) wrote arrives before {@code await} returns; no
 * grace period is needed for that, because a write to a regular file is complete when the write
 * call returns.
 *
 * <p>Stopping. On {@code cancel()} or when the timeout passes: SIGINT to the group; after
 * {@link StopSettings#interruptGrace()} SIGTERM if the main process still runs; after
 * {@link StopSettings#terminateGrace()} SIGKILL. Once the main process has exited, what is left of
 * the group gets SIGTERM and, after {@code terminateGrace}, SIGKILL. An interrupt of the thread in
 * {@code await} counts as {@code cancel()} (the interrupt flag is set again on return).
 *
 * <p>After a failure: an exception from the listener, or an {@link UncheckedIOException} when the
 * output files cannot be read (a broken disk, not bad input), ends {@code await} with the process
 * possibly still running but registered, so the job's {@code killAll} still reaches it.
 */
public final class StepProcess {

    private enum Stage { RUNNING, INTERRUPTED, TERMINATED, KILLED }

    private final ChildProcess process;
    private final ProcessGroup group;
    private final Optional<Duration> timeout;
    private final StopSettings settings;
    private final ProcessGroupRegistry registry;
    /** Where the step's stdout and stderr go; null when it did not start. */
    private final OutputFile output;
    private final long startNanos;
    private final String startFailure;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean awaited = new AtomicBoolean();
    private volatile boolean cancelRequested;

    private StepProcess(ChildProcess process, ProcessGroup group, Optional<Duration> timeout, StopSettings settings,
                        ProcessGroupRegistry registry, OutputFile output, long startNanos,
                        String startFailure) {
        this.process = process;
        this.group = group;
        this.timeout = timeout;
        this.settings = settings;
        this.registry = registry;
        this.output = output;
        this.startNanos = startNanos;
        this.startFailure = startFailure;
        if (process != null) {
            process.exitCode().whenComplete((code, failure) -> wake.release());
        }
    }

    static StepProcess started(ChildProcess process, ProcessGroup group, ProcessSpec spec, StopSettings settings,
                               ProcessGroupRegistry registry, OutputFile out, long startNanos) {
        return new StepProcess(process, group, spec.timeout(), settings, registry, out, startNanos, null);
    }

    static StepProcess failed(String reason, long startNanos) {
        return new StepProcess(null, null, Optional.empty(), null, null, null, startNanos, reason);
    }

    /** The main process's pid, which is also its process group id; empty if it did not start. */
    public Optional<ProcessGroup> group() {
        return Optional.ofNullable(group);
    }

    /** Asks the step to stop (see the class comment). Thread-safe, idempotent, returns at once. */
    public void cancel() {
        cancelRequested = true;
        wake.release();
    }

    /**
     * Delivers the step's output to {@code listener} on the calling thread until the step is over.
     *
     * @throws IllegalStateException when called a second time
     */
    public ProcessResult await(OutputListener listener) {
        if (awaited.getAndSet(true)) {
            throw new IllegalStateException("await was already called");
        }
        if (process == null) {
            return new ProcessResult(-1, false, false, elapsed(), Optional.of(startFailure));
        }
        boolean interrupted = Thread.interrupted();
        cancelRequested |= interrupted;
        boolean timedOut = false;
        boolean cancelled = false;
        Stage stage = Stage.RUNNING;
        long stageSince = 0;
        long deadline = timeout.map(t -> startNanos + t.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                boolean read = output.poll(listener);
                if (!process.isAlive()) {
                    break;
                }
                long now = System.nanoTime();
                if (stage == Stage.RUNNING && (cancelRequested || now - deadline >= 0)) {
                    cancelled = cancelRequested;
                    timedOut = !cancelled;
                    stage = Stage.INTERRUPTED;
                    stageSince = now;
                    group.signal(Signal.INT);
                } else if (stage == Stage.INTERRUPTED && now - stageSince >= settings.interruptGrace().toNanos()) {
                    stage = Stage.TERMINATED;
                    stageSince = now;
                    group.signal(Signal.TERM);
                } else if (stage == Stage.TERMINATED && now - stageSince >= settings.terminateGrace().toNanos()) {
                    stage = Stage.KILLED;
                    group.signal(Signal.KILL);
                }
                if (!read) {
                    try {
                        wake.tryAcquire(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        // The flag stays cleared while we wait for the process to stop; set again on return.
                        interrupted = true;
                        cancelRequested = true;
                    }
                }
            }
            int exitCode = process.exitCode().join();
            registry.leaderExited(group);
            output.drain(listener);
            if (stage != Stage.RUNNING) {
                ProcessTable.system().terminate(List.of(group), settings);
            }
            return new ProcessResult(exitCode, timedOut, cancelled, elapsed(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of process " + process.pid(), e);
        } finally {
            closeOutput();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeOutput() {
        try {
            output.close();
        } catch (IOException ignored) {
            // the scratch directory is removed with the job
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}

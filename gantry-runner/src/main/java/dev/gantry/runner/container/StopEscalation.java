package dev.gantry.runner.container;

import java.time.Duration;
import java.util.Optional;

/**
 * The clock of one container command: when it started, when its timeout passes, and which stop
 * signal is due. On a cancel request or at the deadline it asks for SIGINT, then SIGTERM once
 * {@link ExecStopSettings#interruptGrace()} has passed, then SIGKILL once {@link
 * ExecStopSettings#terminateGrace()} has passed after that (the order of docs.github.com
 * "Canceling a workflow"). It only decides; the caller sends the signal its own way (to a
 * container, or to an exec'd process group).
 *
 * <p>All times are {@link System#nanoTime()} readings in nanoseconds, passed in by the caller;
 * only their differences matter. A stage that began at {@code t} with grace {@code g} ends when
 * {@code now - t >= g}. Not thread-safe: one instance belongs to the thread in {@link
 * ContainerExec#await}.
 */
final class StopEscalation {

    /** A stop signal, named without the {@code SIG} prefix. */
    enum Signal { INT, TERM, KILL }

    private enum Stage { RUNNING, INTERRUPTED, TERMINATED, KILLED }

    private final ExecStopSettings settings;
    private final long start;
    /** When the timeout passes, or {@link Long#MAX_VALUE} without one. */
    private final long deadline;
    private Stage stage = Stage.RUNNING;
    private long stageSince;
    private boolean cancelled;
    private boolean timedOut;

    /**
     * @param settings the grace periods
     * @param start    when the command began, in nanoseconds
     * @param timeout  how long it may run before it is stopped as timed out; empty for no limit
     */
    StopEscalation(ExecStopSettings settings, long start, Optional<Duration> timeout) {
        this.settings = settings;
        this.start = start;
        this.deadline = timeout.map(t -> start + t.toNanos()).orElse(Long.MAX_VALUE);
    }

    /** Whether a stop should begin at {@code now}: none has yet, and a cancel was requested or the deadline passed. */
    boolean due(long now, boolean cancelRequested) {
        return stage == Stage.RUNNING && (cancelRequested || now - deadline >= 0);
    }

    /**
     * Moves to the next stage when it is due at {@code now} and returns the signal to send for it;
     * empty when nothing is due. The first stop records whether it was a cancel or the timeout.
     */
    Optional<Signal> advance(long now, boolean cancelRequested) {
        if (due(now, cancelRequested)) {
            cancelled = cancelRequested;
            timedOut = !cancelled;
            stage = Stage.INTERRUPTED;
            stageSince = now;
            return Optional.of(Signal.INT);
        } else if (stage == Stage.INTERRUPTED && now - stageSince >= settings.interruptGrace().toNanos()) {
            stage = Stage.TERMINATED;
            stageSince = now;
            return Optional.of(Signal.TERM);
        } else if (stage == Stage.TERMINATED && now - stageSince >= settings.terminateGrace().toNanos()) {
            stage = Stage.KILLED;
            return Optional.of(Signal.KILL);
        }
        return Optional.empty();
    }

    /**
     * How many nanoseconds from {@code now} until the next stage is due (0 when it is overdue);
     * {@link Long#MAX_VALUE} when none will be without a cancel: no timeout, or SIGKILL already sent.
     */
    long waitNanos(long now) {
        return switch (stage) {
            case RUNNING -> deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - now);
            case INTERRUPTED -> Math.max(0, stageSince + settings.interruptGrace().toNanos() - now);
            case TERMINATED -> Math.max(0, stageSince + settings.terminateGrace().toNanos() - now);
            case KILLED -> Long.MAX_VALUE;
        };
    }

    /** Whether a stop has begun (SIGINT was due). */
    boolean stopping() {
        return stage != Stage.RUNNING;
    }

    /** Whether the stop began because of a cancel request. */
    boolean cancelled() {
        return cancelled;
    }

    /** Whether the stop began because the deadline passed. */
    boolean timedOut() {
        return timedOut;
    }

    /** The time from the start until {@code now}. */
    Duration elapsed(long now) {
        return Duration.ofNanos(now - start);
    }
}

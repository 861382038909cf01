package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Carries one container command's output stream from docker-java to the thread in {@link
 * ContainerExec#await}, and makes lines of it. The stream's frames, its end or error, and the
 * wake-ups of {@link #cancel()} go through one queue; frames of {@link StreamType#STDERR} become
 * {@link ExecStream#STDERR} lines, all others {@link ExecStream#STDOUT} lines, each stream cut by
 * its own {@link LineSplitter}. Serves a single {@code await}: {@link #begin()}, then (once the
 * stream is opened with {@link #callback()}) {@link #follow}, then {@link #close()}.
 *
 * <h2>Threads</h2>
 * {@link #callback()} is fed on docker-java's thread and {@link #cancel()} may be called on any
 * thread, at any time; every other method belongs to the thread in {@code await}, which alone
 * delivers lines. An interrupt of that thread while it waits counts as a cancel request; the
 * interrupt flag is set again by {@link #close()}.
 */
final class FrameFollower {

    private static final Object END = new Object();
    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
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
    };
    private final AtomicBoolean begun = new AtomicBoolean();
    private final LineSplitter stdout;
    private final LineSplitter stderr;
    private volatile boolean cancelRequested;
    /** Whether an interrupt was taken as a cancel request while waiting. */
    private boolean interrupted;

    /** @param maxLineBytes a longer line is delivered in pieces of at most this many bytes */
    FrameFollower(int maxLineBytes) {
        this.stdout = new LineSplitter(maxLineBytes);
        this.stderr = new LineSplitter(maxLineBytes);
    }

    /** Records a cancel request and wakes the thread in {@link #follow}. Thread-safe, idempotent. */
    void cancel() {
        cancelRequested = true;
        events.add(WAKE);
    }

    /** Whether {@link #cancel()} was called or the awaiting thread was interrupted. */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /**
     * Starts the one {@code await}; a pending interrupt of the calling thread is consumed as a
     * cancel request.
     *
     * @return whether a cancel was requested already, so the command must not be started
     * @throws IllegalStateException when called a second time
     */
    boolean begin() {
        if (begun.getAndSet(true)) {
            throw new IllegalStateException("await was already called");
        }
        cancelRequested |= Thread.interrupted();
        return cancelRequested;
    }

    /** The callback to open the stream with; docker-java's {@code exec} returns it as the stream's handle. */
    ResultCallback<Frame> callback() {
        return callback;
    }

    /**
     * Delivers the stream's lines to {@code lines} until it ends or fails, then the last line of
     * each stream that had no newline. Before each wait it calls {@code beforeWait}, which may
     * send stop signals and returns how long, in nanoseconds, the wait may last at most ({@link
     * Long#MAX_VALUE}: until the next event). An exception from {@code lines} ends it.
     *
     * @return the stream's error; empty when it ended normally
     */
    Optional<Throwable> follow(ExecListener lines, LongSupplier beforeWait) {
        Throwable streamError = null;
        while (true) {
            Object event;
            try {
                event = events.poll(beforeWait.getAsLong(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                cancelRequested = true;
                continue;
            }
            if (event instanceof Frame frame) {
                if (frame.getStreamType() == StreamType.STDERR) {
                    stderr.accept(frame.getPayload(), line -> lines.line(ExecStream.STDERR, line));
                } else {
                    stdout.accept(frame.getPayload(), line -> lines.line(ExecStream.STDOUT, line));
                }
            } else if (event == END) {
                break;
            } else if (event instanceof Throwable error) {
                streamError = error;
                break;
            }
        }
        stdout.finish(line -> lines.line(ExecStream.STDOUT, line));
        stderr.finish(line -> lines.line(ExecStream.STDERR, line));
        return Optional.ofNullable(streamError);
    }

    /**
     * Closes the stream and sets the interrupt flag again when an interrupt was taken as a cancel
     * request; call it last, so that the caller's own waits after {@link #follow} are not cut short.
     */
    void close() {
        try {
            callback.close();
        } catch (IOException ignored) {
            // the stream ended or the connection is gone; nothing to release
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

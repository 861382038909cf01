package dev.gantry.runner.process;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses how step processes start. {@code PosixSessionSpawner} starts a step with one program
 * start where the JDK's way takes three (about 2.5 ms less wall time per step), but it needs JDK 22+
 * (the Foreign Function &amp; Memory API), Linux with glibc 2.34+, and about 100 ms of CPU once per
 * JVM to link its C functions (the FFM linker generates code for each signature). That set-up runs
 * on a background thread, started once per JVM by {@link #prepareInBackground()}; until it is
 * done, and wherever it fails, steps start through {@link JdkSessionSpawner}. Both give a step the
 * same process, environment, files and session.
 *
 * <p>The set-up only pays in a run that starts many processes: on the 2-core test VM it made a
 * one-step run 40 ms slower, broke even at about 30 steps and saved time from there on
 * (docs/PERFORMANCE.md). A run therefore says how many it expects ({@link #expect(int)}).
 */
public final class SessionSpawners {

    /**
     * Fewest processes a run must be about to start for {@link #expect(int)} to prepare the faster
     * spawner: below the measured break-even, since a machine with more cores runs the set-up
     * beside the run at less cost than the 2-core VM it was measured on.
     */
    static final int WORTHWHILE_PROCESSES = 25;

    private static final String POSIX_SPAWNER = "dev.gantry.runner.process.PosixSessionSpawner";
    private static final AtomicBoolean PREPARING = new AtomicBoolean();
    private static final CompletableFuture<Boolean> PREPARED = new CompletableFuture<>();
    private static volatile SessionSpawner posix;

    private SessionSpawners() {
    }

    /**
     * Tells how many processes the caller is about to start (a plan's steps, say); prepares the
     * faster spawner in the background when they are enough to pay for its set-up. Returns at once.
     */
    public static void expect(int processes) {
        if (processes >= WORTHWHILE_PROCESSES) {
            prepareInBackground();
        }
    }

    /**
     * Starts preparing the faster spawner on a daemon thread, once per JVM; returns at once.
     *
     * @return completes when the preparation is over: with whether the faster spawner is in use
     */
    public static CompletableFuture<Boolean> prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("gantry-spawner-setup").start(() -> {
                posix = loadPosix().orElse(null);
                PREPARED.complete(posix != null);
            });
        }
        return PREPARED;
    }

    /** A spawner that uses the faster one from the moment it is ready, {@code fallback} until then. */
    static SessionSpawner preferred(SessionSpawner fallback) {
        return (command, directory, environment, output) -> {
            SessionSpawner ready = posix;
            return (ready != null ? ready : fallback).spawn(command, directory, environment, output);
        };
    }

    /**
     * Loads {@code PosixSessionSpawner} on the calling thread; empty when this JVM or machine
     * cannot have it. Its class is compiled for Java 22 and never loaded by an older JVM.
     */
    static Optional<SessionSpawner> loadPosix() {
        if (Runtime.version().feature() < 22) {
            return Optional.empty();
        }
        try {
            return Optional.of((SessionSpawner) Class.forName(POSIX_SPAWNER).getDeclaredMethod("load").invoke(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // No C library functions of the kind needed (not glibc 2.34+ on Linux): the JDK's way.
            return Optional.empty();
        }
    }
}

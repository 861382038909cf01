package dev.gantry.runner.container;

import java.util.Optional;

/**
 * Waits for the engine to record a stopped process's exit code: a container's or an exec's output
 * stream ends when the process stops, and the engine records its status a moment later. Polls
 * every 20 ms, for 2 s at most.
 */
final class EngineExitCodes {

    /** Asks the engine once: the exit code, or null while the process runs or its code is unrecorded. */
    interface Probe {
        Long exitCodeOnceStopped();
    }

    private static final int ATTEMPTS = 100;
    private static final long PAUSE_MILLIS = 20;

    private EngineExitCodes() {
    }

    /** The exit code; empty when the engine fails, the wait is interrupted or 2 s pass without one. */
    static Optional<Integer> await(Probe probe) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Long code = probe.exitCodeOnceStopped();
                if (code != null) {
                    return Optional.of(code.intValue());
                }
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

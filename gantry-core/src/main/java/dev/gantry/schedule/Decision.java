package dev.gantry.schedule;

/** One thing the run loop must do now. Applying a decision is the caller's job; deciding is the scheduler's. */
public sealed interface Decision {

    /** The job the decision is about. */
    String key();

    /** Start the job now. */
    record Start(String key) implements Decision {
    }

    /**
     * The deferred job is ready and its gate lets it run: evaluate its matrix now and replace it by
     * its legs ({@link RunState#withExpanded}), or conclude it as failed when the matrix is invalid.
     */
    record Expand(String key) implements Decision {
    }

    /** Give the job a terminal status without running it (skipped, manual, cancelled before start). */
    record Conclude(String key, JobStatus status, String reason) implements Decision {
    }

    /** Stop a running job: fail-fast or a cancelled run. The job reports its own status when it stops. */
    record Cancel(String key, String reason) implements Decision {
    }
}

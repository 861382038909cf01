package dev.gantry.runner.engine;

import dev.gantry.schedule.JobStatus;
import java.util.function.Consumer;

/**
 * Starts one planned job. The run loop calls {@link #start} from its own thread and never twice
 * for one key; the implementation runs the job on a thread of its own and must call
 * {@code onFinish} exactly once, with a terminal status, whatever happens (also after a cancel or an
 * exception of its own: report {@link JobStatus#FAILURE} then).
 */
public interface JobLauncher {

    /**
     * @param key      the planned job's key
     * @param onFinish receives the job's final status; may be called from any thread
     * @return a handle to stop the job early
     */
    Running start(String key, Consumer<JobStatus> onFinish);

    /**
     * Evaluates a deferred job's matrix now that its predecessors have finished. Called on the run
     * loop's thread; must not block for long.
     *
     * @return the legs that replace the job (empty for an empty matrix), or null when the matrix
     *         could not be evaluated (the launcher has reported why; the job then fails)
     */
    default java.util.List<dev.gantry.schedule.SchedulingJob> expand(String key) {
        throw new IllegalStateException("job " + key + " is deferred but this launcher cannot expand matrices");
    }

    /** A started job. */
    interface Running {
        /**
         * Asks the job to stop: the current step is interrupted, later steps see {@code cancelled()}
         * (so {@code if: always()} steps still run, as on GitHub). Idempotent, returns at once.
         */
        void cancel();
    }
}

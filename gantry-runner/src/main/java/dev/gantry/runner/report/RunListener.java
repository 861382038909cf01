package dev.gantry.runner.report;

/**
 * What a run tells the outside world while it happens: the console, the {@code --json} file and,
 * later, the server's live log. Jobs run in parallel, so every method may be called from several
 * threads at once; implementations must be thread-safe and quick (no blocking I/O beyond writing
 * a line). Lines arrive already masked: no listener ever sees a secret.
 */
public interface RunListener {

    /** A job started running. */
    default void jobStarted(JobRef job) {
    }

    /** A step of a running job started. */
    default void stepStarted(JobRef job, StepRef step) {
    }

    /** One line of output, masked, without its line terminator. */
    default void line(JobRef job, String text) {
    }

    /** An {@code ::error}/{@code ::warning}/{@code ::notice} annotation, or a runner problem worth showing at the end. */
    default void annotation(JobRef job, Annotation annotation) {
    }

    /** A step finished (ran or was skipped). */
    default void stepFinished(JobRef job, StepResult step) {
    }

    /** A job reached its final status: it ran, or was skipped, cancelled or left manual without running. */
    default void jobFinished(JobResult job) {
    }

    /** The whole run finished; called once, last. */
    default void runFinished(RunResult run) {
    }

    /** A listener that forwards to several. */
    static RunListener all(RunListener... listeners) {
        return new CompositeListener(java.util.List.of(listeners));
    }
}

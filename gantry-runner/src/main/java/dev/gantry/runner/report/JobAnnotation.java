package dev.gantry.runner.report;

/**
 * An annotation with the job that made it, as the run's summary lists them (on GitHub each
 * annotation is shown under its job's name).
 *
 * @param job        the job whose step made it
 * @param annotation what was said
 */
public record JobAnnotation(JobRef job, Annotation annotation) {
}

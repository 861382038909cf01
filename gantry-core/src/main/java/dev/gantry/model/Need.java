package dev.gantry.model;

import dev.gantry.diag.SourceRange;

/**
 * An edge of the job graph: this job waits for {@code job}.
 *
 * @param job       the id of the needed job (GitLab: its name, a matrix job as {@code "deploy: [aws, x]"})
 * @param artifacts GitLab {@code needs:artifacts}: download its artifacts (default true)
 * @param optional  GitLab {@code needs:optional}: drop the edge when the job is absent
 * @param range     where the need is written
 */
public record Need(String job, boolean artifacts, boolean optional, SourceRange range) {

    public static Need of(String job, SourceRange range) {
        return new Need(job, true, false, range);
    }
}

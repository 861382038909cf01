package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * What one workflow file or one {@code .gitlab-ci.yml} (with its includes) means: the jobs and
 * what surrounds them. Immutable, and free of anything decided at run time (matrix cells are not
 * expanded yet; expressions are not evaluated yet).
 *
 * @param format    GitHub or GitLab
 * @param file      the file as the user named it
 * @param name      the workflow {@code name:} or GitLab {@code workflow:name}, or null
 * @param stages    GitLab stages in order, including {@code .pre} first and {@code .post} last;
 *                  empty for GitHub
 * @param variables workflow-level {@code env:} or global {@code variables:}, in document order
 * @param triggers  which events start it
 * @param jobs      the jobs in document order (GitLab hidden jobs and templates are not jobs)
 * @param details   what only one format has
 * @param range     the whole document
 */
public record Pipeline(Format format, String file, String name, List<String> stages, List<Variable> variables,
                       Triggers triggers, List<Job> jobs, PipelineDetails details, SourceRange range) {

    public Pipeline {
        stages = List.copyOf(stages);
        variables = List.copyOf(variables);
        jobs = List.copyOf(jobs);
    }

    /** The job with this id, if any. */
    public Optional<Job> job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }
}

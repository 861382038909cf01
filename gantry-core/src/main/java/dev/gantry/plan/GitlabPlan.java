package dev.gantry.plan;

import dev.gantry.expr.gitlab.Variables;
import java.util.List;

/** The outcome of {@link GitlabPlanner#plan}: a pipeline, no pipeline, or a refusal. */
public sealed interface GitlabPlan {

    /**
     * The pipeline is created.
     *
     * @param jobs              the jobs that were created, in stage order then document order
     * @param workflowVariables the variables of the {@code workflow:rules} entry that matched (empty when none)
     */
    record Created(List<GitlabPlannedJob> jobs, Variables workflowVariables) implements GitlabPlan {
        public Created {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * {@code workflow:rules} create no pipeline ("CI/CD YAML syntax reference#workflow:rules": "If no
     * rules match, the pipeline is not created").
     *
     * @param tried one line per rule that was tried, in order, with why it did not create the pipeline
     */
    record NoPipeline(List<String> tried) implements GitlabPlan {
        public NoPipeline {
            tried = List.copyOf(tried);
        }
    }

    /**
     * GitLab would refuse to create this pipeline (a job needs a job that was not created), or the
     * selection names no job. The message is for the user.
     */
    record Refused(String message) implements GitlabPlan {
    }
}

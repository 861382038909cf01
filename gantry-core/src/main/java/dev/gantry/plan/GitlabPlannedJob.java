package dev.gantry.plan;

import dev.gantry.expr.gitlab.Variables;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Job;
import dev.gantry.model.When;
import dev.gantry.schedule.GitlabGate;
import dev.gantry.schedule.SchedulingJob;
import java.util.List;

/**
 * One GitLab job as its pipeline created it: the matching rule (or {@code only}/{@code except})
 * has been applied, the matrix cell chosen, and the edges resolved to job names.
 *
 * @param planned       the job with its key (GitLab's name, {@code deploy: [aws, x]} or
 *                      {@code test 1/3}), its predecessors (keys) and its delay
 * @param when          the effective {@code when}: the matching rule's, else the job's
 * @param allowFailure  the effective {@code allow_failure}
 * @param variables     the variables written in YAML as this job sees them: inherited global and
 *                      {@code workflow:rules} variables, the job's own, its matrix values and the
 *                      matching rule's, merged by precedence and not yet expanded
 * @param artifactsFrom keys of the jobs whose artifacts this job receives, in plan order
 * @param dag           true when the job has {@code needs} (its predecessors are what it needs),
 *                      false when it follows stage order
 */
public record GitlabPlannedJob(PlannedJob planned, When when, AllowFailure allowFailure, Variables variables,
                               List<String> artifactsFrom, boolean dag) {

    public GitlabPlannedJob {
        artifactsFrom = List.copyOf(artifactsFrom);
    }

    public String key() {
        return planned.key();
    }

    public Job job() {
        return planned.job();
    }

    /**
     * What the scheduler needs to know of this job. GitLab has no fail-fast and no per-job parallel
     * limit: the jobs of a matrix run and fail independently. The jobs of one {@code resource_group}
     * run one at a time ("Resource group", docs.gitlab.com/ci/resource_groups).
     */
    public SchedulingJob scheduling() {
        String resourceGroup = planned.job().concurrency() == null ? null
                : "resource_group:" + planned.job().concurrency().group();
        return new SchedulingJob(planned.key(), planned.job().id(), planned.needs(), 0, false, planned.startIn(), false,
                resourceGroup);
    }

    /** What the gate needs to know of this job; {@code played} when the user asked to run it although manual. */
    public GitlabGate.JobRule gateRule(boolean played) {
        return new GitlabGate.JobRule(when, when == When.MANUAL && !allowFailure.allowed(), dag, played);
    }
}

package dev.gantry.cli;

import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.plan.MatrixFilter;
import dev.gantry.plan.PlannedJob;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code -j} and {@code --matrix} pick when {@code gantry run DIR} runs several workflows: a
 * job id names the job of that id in whichever workflows have it (a workflow with none of the named
 * jobs is not run), and a matrix pick applies to every workflow's legs. Both are checked against
 * all the workflows together before anything runs, so a mistyped name stops the run at once.
 */
final class WorkflowSelection {

    private final Set<String> jobs;
    private final Map<String, Set<String>> matrix;
    private final boolean withNeeds;

    private WorkflowSelection(Set<String> jobs, Map<String, Set<String>> matrix, boolean withNeeds) {
        this.jobs = jobs;
        this.matrix = matrix;
        this.withNeeds = withNeeds;
    }

    /**
     * @param workflows the GitHub workflows of the run, loaded without errors (none for a GitLab run)
     * @throws IllegalArgumentException when a job id is in no workflow, or a matrix pick matches no leg
     *                                  (the message lists what there is)
     */
    static WorkflowSelection check(List<Pipeline> workflows, Set<String> jobs, Map<String, Set<String>> matrix,
                                   boolean withNeeds) {
        WorkflowSelection selection = new WorkflowSelection(jobs, matrix, withNeeds);
        if (workflows.isEmpty()) {
            return selection;
        }
        Set<String> ids = new LinkedHashSet<>();
        workflows.forEach(w -> w.jobs().stream().map(Job::id).forEach(ids::add));
        for (String id : jobs) {
            if (!ids.contains(id)) {
                String where = workflows.size() == 1 ? workflows.get(0).file() : "any of the workflows";
                throw new IllegalArgumentException("no job '" + id + "' in " + where + "; the jobs are: "
                        + String.join(", ", ids));
            }
        }
        if (!matrix.isEmpty()) {
            List<PlannedJob> legs = new ArrayList<>();
            workflows.stream().filter(selection::runs).forEach(w -> legs.addAll(selection.unfiltered(w)));
            MatrixFilter.check(legs, matrix);
        }
        return selection;
    }

    /** Whether the workflow has a job to run: no {@code -j}, or one of the named jobs. */
    boolean runs(Pipeline workflow) {
        return jobs.isEmpty() || workflow.jobs().stream().anyMatch(j -> jobs.contains(j.id()));
    }

    /** The workflow's plan with the picks applied; call only when {@link #runs} says so. */
    List<PlannedJob> plan(Pipeline workflow) {
        return MatrixFilter.keep(unfiltered(workflow), matrix);
    }

    private List<PlannedJob> unfiltered(Pipeline workflow) {
        Set<String> own = new LinkedHashSet<>();
        workflow.jobs().stream().map(Job::id).filter(jobs::contains).forEach(own::add);
        return GithubPlanner.plan(workflow, own, withNeeds);
    }
}

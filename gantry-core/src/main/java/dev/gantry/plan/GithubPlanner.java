package dev.gantry.plan;

import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a GitHub workflow: expands each job's matrix into legs (docs.github.com "Running variations
 * of jobs in a workflow") and keeps the needs edges at job level, so that a job waits for every leg
 * of what it needs. A matrix decided by an expression becomes one deferred job, expanded when its
 * needs have finished; so does each leg of a job that calls a reusable workflow (see
 * {@link CallScope}).
 */
public final class GithubPlanner {

    private GithubPlanner() {
    }

    /**
     * @param workflow a workflow without errors
     * @param only     job ids to run; empty for all
     * @param withNeeds with {@code only}: also run what those jobs need, transitively
     *                  (without it, their needs are dropped and the jobs run alone)
     * @return the planned jobs in workflow order
     * @throws IllegalArgumentException when {@code only} names a job the workflow does not have
     *                                  (the message names the jobs it has)
     */
    public static List<PlannedJob> plan(Pipeline workflow, Set<String> only, boolean withNeeds) {
        Set<String> selected = select(workflow, only, withNeeds);
        List<PlannedJob> out = new ArrayList<>();
        for (Job job : workflow.jobs()) {
            if (!selected.contains(job.id())) {
                continue;
            }
            List<String> needs = job.needs() == null ? List.of()
                    : job.needs().stream().map(Need::job).filter(selected::contains).toList();
            out.addAll(legs(job, needs));
        }
        return out;
    }

    /**
     * The jobs of a reusable workflow as one caller leg calls them: the called workflow planned as a
     * whole and placed in the call's scope (keys and names prefixed with the caller's, needs kept
     * inside the call).
     *
     * @throws IllegalArgumentException when a matrix of the called workflow is too large
     */
    public static List<PlannedJob> called(CallScope call, Pipeline workflow) {
        return plan(workflow, Set.of(), false).stream().map(p -> p.within(call)).toList();
    }

    /** The legs of one job (one leg without a matrix). Also used to expand a deferred matrix at run time. */
    public static List<PlannedJob> legs(Job job, List<String> needs, List<Map<String, Object>> cells) {
        String base = job.name();
        boolean nameHasExpression = base.contains("${{");
        List<PlannedJob> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> cell = cells.get(i);
            String values = cell.values().stream().map(GithubPlanner::display).collect(Collectors.joining(", "));
            String key = job.id() + " (" + values + ")";
            int n = seen.merge(key, 1, Integer::sum);
            if (n > 1) {
                key = key + " #" + n;
            }
            String display = nameHasExpression ? LegName.of(base, cell) : base + " (" + values + ")";
            out.add(new PlannedJob(key, job, cell, display, needs, i, cells.size(), calls(job), null));
        }
        return out;
    }

    private static List<PlannedJob> legs(Job job, List<String> needs) {
        if (job.matrix() == null) {
            return List.of(new PlannedJob(job.id(), job, Map.of(), job.name(), needs, 0, 1, calls(job), null));
        }
        return switch (MatrixExpansion.expand(job.matrix())) {
            case MatrixCells.Cells c -> legs(job, needs, c.cells());
            case MatrixCells.Dynamic d -> List.of(new PlannedJob(job.id(), job, Map.of(), job.name(), needs, 0, 1, true, null));
            case MatrixCells.TooLarge t -> throw new IllegalArgumentException(
                    "job '" + job.id() + "': the matrix has " + t.combinations() + " combinations");
        };
    }

    /**
     * A job that calls a reusable workflow is deferred, like a matrix decided by an expression: its
     * called jobs are planned when it is ready, once its {@code if:} and its inputs can be evaluated.
     */
    static boolean calls(Job job) {
        return job.details() instanceof dev.gantry.model.GithubJob g && g.uses() != null;
    }

    /** A matrix value as GitHub shows it in a job name: scalars as text, objects and arrays as JSON-like text. */
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static Set<String> select(Pipeline workflow, Set<String> only, boolean withNeeds) {
        Set<String> ids = workflow.jobs().stream().map(Job::id).collect(Collectors.toCollection(LinkedHashSet::new));
        if (only.isEmpty()) {
            return ids;
        }
        for (String id : only) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("no job '" + id + "' in " + workflow.file() + "; it has: "
                        + String.join(", ", ids));
            }
        }
        Set<String> selected = new HashSet<>(only);
        if (withNeeds) {
            Deque<String> todo = new ArrayDeque<>(only);
            while (!todo.isEmpty()) {
                workflow.job(todo.pop()).ifPresent(j -> {
                    if (j.needs() != null) {
                        for (Need n : j.needs()) {
                            if (selected.add(n.job())) {
                                todo.push(n.job());
                            }
                        }
                    }
                });
            }
        }
        return selected;
    }
}

package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the job graph that {@code needs} draws ("Workflow syntax for GitHub Actions",
 * {@code jobs.<job_id>.needs}): every need names a job of the workflow, and no jobs wait for each
 * other in a circle, which would leave them all waiting forever. Job ids compare
 * case-insensitively, as GitHub compares them. A cycle is reported once, named from the job that
 * comes first in the file ({@code a -> b -> a}), at that job's need of the next one.
 */
final class NeedsCheck {

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Diagnostics diagnostics;

    private NeedsCheck(List<Job> jobList, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        for (Job job : jobList) {
            String key = key(job.id());
            jobs.putIfAbsent(key, job);
            order.putIfAbsent(key, order.size());
        }
    }

    static void check(List<Job> jobs, Diagnostics diagnostics) {
        NeedsCheck check = new NeedsCheck(jobs, diagnostics);
        check.unknown();
        check.cycles();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private void unknown() {
        List<String> ids = jobs.values().stream().map(Job::id).toList();
        for (Job job : jobs.values()) {
            for (Need need : job.needs()) {
                if (!jobs.containsKey(key(need.job()))) {
                    diagnostics.error(need.range(), Rules.UNKNOWN_JOB, "job '" + job.id() + "' needs '" + need.job()
                            + "', which is not a job of this workflow" + Keywords.hint(need.job(), ids));
                }
            }
        }
    }

    private void cycles() {
        Set<String> done = new HashSet<>();
        Set<List<String>> reported = new HashSet<>();
        for (String start : jobs.keySet()) {
            visit(start, new ArrayList<>(), done, reported);
        }
    }

    /** Depth-first walk; {@code path} is the chain of jobs being visited (the grey ones). */
    private void visit(String job, List<String> path, Set<String> done, Set<List<String>> reported) {
        if (done.contains(job)) {
            return;
        }
        int onPath = path.indexOf(job);
        if (onPath >= 0) {
            report(path.subList(onPath, path.size()), reported);
            return;
        }
        path.add(job);
        for (Need need : jobs.get(job).needs()) {
            String next = key(need.job());
            if (jobs.containsKey(next)) {
                visit(next, path, done, reported);
            }
        }
        path.remove(path.size() - 1);
        done.add(job);
    }

    private void report(List<String> cycle, Set<List<String>> reported) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.get(cycle.get(i)) < order.get(cycle.get(first))) {
                first = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        if (!reported.add(rotated)) {
            return;
        }
        Job from = jobs.get(rotated.get(0));
        String to = rotated.size() > 1 ? rotated.get(1) : rotated.get(0);
        Need edge = from.needs().stream().filter(n -> key(n.job()).equals(to)).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder();
        for (String id : rotated) {
            text.append(jobs.get(id).id()).append(" -> ");
        }
        text.append(from.id());
        diagnostics.error(edge.range(), Rules.NEEDS_CYCLE, "needs form a cycle: " + text);
    }
}

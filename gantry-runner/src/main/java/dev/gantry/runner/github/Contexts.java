package dev.gantry.runner.github;

import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.platform.OsMismatch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the contexts of docs.github.com "Contexts reference" for one job: {@code github},
 * {@code runner}, {@code strategy}, {@code matrix}, {@code needs}, {@code vars}, {@code secrets},
 * {@code inputs}. The {@code env}, {@code job} and {@code steps} contexts change while the job
 * runs and are built by the job runner.
 */
final class Contexts {

    private Contexts() {
    }

    /** The {@code github} context. */
    static Map<String, Object> github(GithubRun run, String jobId, Path workspace, Path eventPath) {
        var f = run.facts();
        EventRef ref = EventRef.of(run.eventName(), run.event(), f);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("action", "");
        g.put("action_path", "");
        g.put("action_ref", "");
        g.put("action_repository", "");
        g.put("actor", f.actor());
        g.put("actor_id", "0");
        g.put("api_url", "https://api.github.com");
        g.put("base_ref", baseRef(run));
        g.put("event", run.event());
        g.put("event_name", run.eventName());
        g.put("event_path", eventPath.toString());
        g.put("graphql_url", "https://api.github.com/graphql");
        g.put("head_ref", headRef(run));
        g.put("job", jobId);
        g.put("ref", ref.ref());
        g.put("ref_name", ref.name());
        g.put("ref_protected", false);
        g.put("ref_type", ref.type());
        g.put("repository", f.fullName());
        g.put("repository_id", "0");
        g.put("repository_owner", f.owner());
        g.put("repository_owner_id", "0");
        g.put("repositoryUrl", f.remoteUrl() == null ? "" : f.remoteUrl());
        g.put("retention_days", "90");
        g.put("run_id", Long.toString(run.runId()));
        g.put("run_number", Long.toString(run.runId()));
        g.put("run_attempt", "1");
        g.put("secret_source", "Actions");
        g.put("server_url", "https://github.com");
        g.put("sha", f.sha());
        g.put("token", "");
        g.put("triggering_actor", f.actor());
        g.put("workflow", run.workflowName());
        g.put("workflow_ref", f.fullName() + "/" + run.workflowFile() + "@" + ref.ref());
        g.put("workflow_sha", f.sha());
        g.put("workspace", workspace.toString());
        return g;
    }

    /** The pull request's base branch, else "". */
    static String baseRef(GithubRun run) {
        return pullRequestRef(run, "base");
    }

    /** The pull request's head branch, else "". */
    static String headRef(GithubRun run) {
        return pullRequestRef(run, "head");
    }

    private static String pullRequestRef(GithubRun run, String side) {
        if (run.event().get("pull_request") instanceof Map<?, ?> pr && pr.get(side) instanceof Map<?, ?> s
                && s.get("ref") instanceof String ref) {
            return ref;
        }
        return "";
    }

    /** The {@code runner} context. */
    static Map<String, Object> runner(Path temp, Path toolCache, boolean debug) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "gantry");
        r.put("os", OsMismatch.thisMachine());
        r.put("arch", DefaultVariables.arch());
        r.put("temp", temp.toString());
        r.put("tool_cache", toolCache.toString());
        r.put("environment", "self-hosted");
        r.put("debug", debug ? "1" : "");
        return r;
    }

    /**
     * The {@code strategy} context of one leg ("Contexts reference#strategy context"). A job without
     * a matrix has the defaults the runner gets for it: fail-fast true (the documented default of
     * {@code strategy.fail-fast}), index 0, total 1, max-parallel 1.
     */
    static Map<String, Object> strategy(PlannedJob job) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fail-fast", job.job().matrix() == null || job.failFast());
        s.put("job-index", job.legIndex());
        s.put("job-total", job.legCount());
        s.put("max-parallel", job.job().matrix() == null || job.job().matrix().maxParallel() == 0
                ? job.legCount() : job.job().matrix().maxParallel());
        return s;
    }

    /**
     * The {@code matrix} context of one leg: its matrix values, or null for a job without a matrix
     * ("Contexts reference#matrix context": it is only populated for jobs in a matrix; GitHub gives
     * {@code toJSON(matrix)} as {@code null} there).
     */
    static Map<String, Object> matrix(PlannedJob job) {
        return job.job().matrix() == null ? null : job.matrix();
    }

    /** The {@code needs} context: the direct needs of the job with their results and outputs. */
    static Map<String, Object> needs(PlannedJob job, JobOutputs outputs) {
        Map<String, Object> n = new LinkedHashMap<>();
        for (String id : job.needs()) {
            n.put(id, outputs.needsEntry(id));
        }
        return n;
    }
}

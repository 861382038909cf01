package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.yaml.YamlMap;
import java.util.List;
import java.util.Optional;

/**
 * The keys each mapping of a workflow may hold, from "Workflow syntax for GitHub Actions"
 * (docs.github.com), and the check that reports any other key (rule {@code unknown-key}) at the key
 * itself, with the closest known key as a hint.
 */
final class Keywords {

    /** Top level ("Workflow syntax": name, run-name, on, permissions, env, defaults, concurrency, jobs). */
    static final List<String> WORKFLOW = List.of("name", "run-name", "on", "permissions", "env", "defaults",
            "concurrency", "jobs");

    /** {@code jobs.<job_id>}. */
    static final List<String> JOB = List.of("name", "permissions", "needs", "if", "runs-on", "environment",
            "concurrency", "outputs", "env", "defaults", "steps", "timeout-minutes", "strategy",
            "continue-on-error", "container", "services", "uses", "with", "secrets");

    /**
     * The keys a job that calls a reusable workflow may have ("Reuse workflows", "Supported
     * keywords for jobs that call a reusable workflow").
     */
    static final List<String> CALLER_JOB = List.of("name", "uses", "with", "secrets", "strategy", "needs", "if",
            "permissions", "concurrency");

    /** {@code jobs.<job_id>.steps[*]}. */
    static final List<String> STEP = List.of("id", "if", "name", "uses", "run", "working-directory", "shell", "with",
            "env", "continue-on-error", "timeout-minutes");

    /** {@code jobs.<job_id>.strategy}. */
    static final List<String> STRATEGY = List.of("matrix", "fail-fast", "max-parallel");

    /** {@code jobs.<job_id>.container} and {@code services.<service_id>}. */
    static final List<String> CONTAINER = List.of("image", "credentials", "env", "ports", "volumes", "options");

    static final List<String> CREDENTIALS = List.of("username", "password");

    /** {@code runs-on} in its mapping form. */
    static final List<String> RUNS_ON = List.of("group", "labels");

    /** {@code jobs.<job_id>.environment} in its mapping form. */
    static final List<String> ENVIRONMENT = List.of("name", "url", "deployment");

    static final List<String> CONCURRENCY = List.of("group", "cancel-in-progress");

    static final List<String> DEFAULTS = List.of("run");

    static final List<String> DEFAULTS_RUN = List.of("shell", "working-directory");

    /** {@code on.workflow_dispatch.inputs.<input_id>}. */
    static final List<String> DISPATCH_INPUT = List.of("description", "required", "default", "type", "options");

    /** {@code on.workflow_call.inputs.<input_id>}. */
    static final List<String> CALL_INPUT = List.of("description", "required", "default", "type");

    static final List<String> CALL_OUTPUT = List.of("description", "value");

    static final List<String> CALL_SECRET = List.of("description", "required");

    static final List<String> SCHEDULE = List.of("cron");

    /**
     * Token permission scopes ("Workflow syntax", {@code permissions}; "Controlling permissions for
     * GITHUB_TOKEN"). {@code code-quality} (GitHub Code Quality) and {@code workflows} came later than
     * the rest: GitHub accepts both (Homebrew/brew's tests workflow asks for {@code code-quality: write}).
     */
    static final List<String> PERMISSION_SCOPES = List.of("actions", "attestations", "checks", "code-quality",
            "contents", "deployments", "discussions", "id-token", "issues", "models", "packages", "pages",
            "pull-requests", "repository-projects", "security-events", "statuses", "workflows");

    private Keywords() {
    }

    /**
     * Reports every key of {@code map} not in {@code known}.
     *
     * @param where how messages name the mapping, for example {@code job 'build'}
     */
    static void check(YamlMap map, List<String> known, String where, Diagnostics diagnostics) {
        for (YamlMap.Entry e : map.entries()) {
            if (!known.contains(e.name())) {
                diagnostics.error(e.key().range(), Rules.UNKNOWN_KEY, unknown(e.name(), where, known));
            }
        }
    }

    /** {@code unknown key 'k' in where; did you mean 'x'?} */
    static String unknown(String key, String where, List<String> known) {
        return "unknown key '" + key + "' in " + where + hint(key, known);
    }

    /** {@code ; did you mean 'x'?} when a known word is near, else empty. */
    static String hint(String word, List<String> known) {
        Optional<String> near = ClosestWord.of(word, known);
        return near.map(n -> "; did you mean '" + n + "'?").orElse("");
    }
}

package dev.gantry.gitlab;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keyword schema: which keys each place of a {@code .gitlab-ci.yml} accepts, and the values of
 * the enumerated keywords. Follows the "CI/CD YAML syntax reference" (docs.gitlab.com/ci/yaml),
 * sections "Global keywords", "Job keywords", "default", "workflow", "rules", "trigger" and the
 * subkeys listed under each keyword; {@code artifacts:reports} follows "GitLab CI/CD artifacts
 * reports types". Sets keep the documentation's order, which is the order of "did you mean" ties.
 */
final class Keywords {

    /** Top-level keys that are not jobs (including the deprecated global job defaults). */
    static final Set<String> GLOBAL = set("default", "include", "stages", "variables", "workflow", "image",
            "services", "cache", "before_script", "after_script");

    /** Names a job cannot have ("Job names"); {@code types} was the removed alias of {@code stages}. */
    static final Set<String> RESERVED_JOB_NAMES = set("image", "services", "stages", "types", "before_script",
            "after_script", "variables", "cache", "include");

    static final Set<String> JOB = set("after_script", "allow_failure", "artifacts", "before_script", "cache",
            "coverage", "dast_configuration", "dependencies", "environment", "except", "extends", "hooks",
            "id_tokens", "identity", "image", "inherit", "interruptible", "manual_confirmation", "needs", "only",
            "pages", "parallel", "publish", "release", "resource_group", "retry", "rules", "run", "script",
            "secrets", "services", "stage", "start_in", "tags", "timeout", "trigger", "variables", "when");

    /** What a trigger job may use ("trigger"), plus {@code inherit}, {@code parallel} and {@code interruptible}. */
    static final Set<String> TRIGGER_JOB = set("allow_failure", "environment", "except", "extends", "inherit",
            "interruptible", "needs", "only", "parallel", "resource_group", "rules", "stage", "trigger",
            "variables", "when");

    static final Set<String> DEFAULT = set("after_script", "artifacts", "before_script", "cache", "hooks",
            "id_tokens", "identity", "image", "interruptible", "retry", "services", "tags", "timeout");

    static final Set<String> WORKFLOW = set("name", "rules", "auto_cancel");
    static final Set<String> AUTO_CANCEL = set("on_new_commit", "on_job_failure");
    static final Set<String> ON_NEW_COMMIT = set("conservative", "interruptible", "none");
    static final Set<String> ON_JOB_FAILURE = set("all", "none");

    static final Set<String> JOB_RULE = set("if", "changes", "exists", "when", "allow_failure", "needs",
            "variables", "interruptible", "start_in");
    /** {@code start_in}, {@code allow_failure} and {@code needs} are tolerated there but have no effect. */
    static final Set<String> WORKFLOW_RULE = set("if", "changes", "exists", "when", "variables", "auto_cancel",
            "start_in", "allow_failure", "needs");
    static final Set<String> INCLUDE_RULE = set("if", "changes", "exists", "when");
    static final Set<String> CHANGES = set("paths", "compare_to");
    static final Set<String> EXISTS = set("paths", "project", "ref");
    static final Set<String> ONLY_EXCEPT = set("refs", "variables", "changes", "kubernetes");

    static final Set<String> INCLUDE = set("local", "remote", "template", "project", "file", "ref", "component",
            "rules", "inputs", "integrity", "cache");

    /** The header document ("Header keywords") holds only {@code spec}. */
    static final Set<String> HEADER = set("spec");
    static final Set<String> SPEC = set("inputs", "include", "component", "description");
    static final Set<String> SPEC_INPUT = set("default", "description", "options", "regex", "type", "rules");
    /** The values of {@code spec:inputs:type}. */
    static final Set<String> INPUT_TYPES = set("string", "number", "boolean", "array");

    static final Set<String> NEED = set("job", "artifacts", "optional", "parallel", "pipeline", "project", "ref");

    static final Set<String> IMAGE = set("name", "entrypoint", "docker", "pull_policy", "kubernetes");
    static final Set<String> SERVICE = set("name", "alias", "entrypoint", "command", "variables", "pull_policy",
            "docker", "kubernetes");
    static final Set<String> DOCKER = set("platform", "user");
    static final Set<String> PULL_POLICY = set("always", "if-not-present", "never");

    static final Set<String> CACHE = set("key", "paths", "untracked", "policy", "when", "fallback_keys",
            "unprotect");
    static final Set<String> CACHE_KEY = set("files", "prefix");
    static final Set<String> CACHE_POLICY = set("pull", "push", "pull-push");

    static final Set<String> ARTIFACTS = set("paths", "exclude", "name", "when", "expire_in", "expose_as",
            "untracked", "reports", "public", "access");
    static final Set<String> ARTIFACTS_ACCESS = set("all", "developer", "none");
    static final Set<String> REPORTS = set("accessibility", "annotations", "api_fuzzing", "browser_performance",
            "codequality", "container_scanning", "coverage_fuzzing", "coverage_report", "cyclonedx", "dast",
            "dependency_scanning", "dotenv", "junit", "load_performance", "metrics", "requirements",
            "repository_xray", "sast", "secret_detection", "terraform");
    static final Set<String> COVERAGE_REPORT = set("coverage_format", "path");
    static final Set<String> COVERAGE_FORMAT = set("cobertura", "jacoco");

    /** {@code artifacts:when} and {@code cache:when}. */
    static final Set<String> UPLOAD_WHEN = set("on_success", "on_failure", "always");

    static final Set<String> RETRY = set("max", "when", "exit_codes");
    /**
     * {@code retry:when} failure types ("CI/CD YAML syntax reference", "retry:when"); GitLab's lint
     * also takes the later {@code runner_interrupted} and {@code runner_external_dependency_failure}
     * (gitlab-org/gitlab-runner's own pipeline retries on the first).
     */
    static final Set<String> RETRY_WHEN = set("always", "unknown_failure", "script_failure", "api_failure",
            "stuck_or_timeout_failure", "runner_system_failure", "runner_unsupported", "stale_schedule",
            "job_execution_timeout", "archived_failure", "unmet_prerequisites", "scheduler_failure",
            "data_integrity_failure", "runner_interrupted", "runner_external_dependency_failure");

    static final Set<String> ALLOW_FAILURE = set("exit_codes");

    static final Set<String> ENVIRONMENT = set("name", "url", "action", "on_stop", "auto_stop_in",
            "deployment_tier", "kubernetes");
    static final Set<String> ENVIRONMENT_ACTION = set("start", "prepare", "stop", "verify", "access");
    static final Set<String> DEPLOYMENT_TIER = set("production", "staging", "testing", "development", "other");
    static final Set<String> ENVIRONMENT_KUBERNETES = set("agent", "namespace", "flux_resource_path");

    static final Set<String> INHERIT = set("default", "variables");

    static final Set<String> TRIGGER = set("project", "branch", "strategy", "forward", "include");
    static final Set<String> TRIGGER_FORWARD = set("yaml_variables", "pipeline_variables");
    static final Set<String> TRIGGER_INCLUDE = set("local", "template", "artifact", "job", "project", "file",
            "ref", "inputs");

    static final Set<String> RELEASE = set("tag_name", "tag_message", "name", "description", "ref", "milestones",
            "released_at", "assets");
    static final Set<String> PAGES = set("publish", "path_prefix", "expire_in");
    static final Set<String> SECRET = set("vault", "gcp_secret_manager", "azure_key_vault", "akeyless",
            "aws_secrets_manager", "file", "token");
    static final Set<String> ID_TOKEN = set("aud");
    static final Set<String> DAST_CONFIGURATION = set("site_profile", "scanner_profile");
    static final Set<String> HOOKS = set("pre_get_sources_script");

    /** Subkeys of a variable written as a mapping at the top level ("variables"). */
    static final Set<String> GLOBAL_VARIABLE = set("value", "description", "options", "expand");
    /** Subkeys of a variable written as a mapping in a job: {@code description} and {@code options} are global only. */
    static final Set<String> JOB_VARIABLE = set("value", "expand");

    private Keywords() {
    }

    private static Set<String> set(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}

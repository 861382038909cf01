package dev.gantry.runner.github;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.runner.platform.OsMismatch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The default environment variables of a GitHub-hosted runner, per docs.github.com "Store
 * information in variables#default environment variables". Values describe the local run: the
 * repository's facts, the job's own folders and a server URL of {@code https://github.com} (so
 * actions that build links still work).
 */
public final class DefaultVariables {

    private DefaultVariables() {
    }

    /**
     * Where the job's files are.
     *
     * @param workspace   GITHUB_WORKSPACE, the job's copy of the repository
     * @param temp        RUNNER_TEMP, emptied for every job
     * @param toolCache   RUNNER_TOOL_CACHE
     * @param eventPath   GITHUB_EVENT_PATH, the payload JSON
     */
    public record JobPaths(Path workspace, Path temp, Path toolCache, Path eventPath) {
    }

    /**
     * Identity of the run and job.
     *
     * @param workflow     the workflow's name (or its file path when it has none)
     * @param workflowFile the workflow file, repository-relative
     * @param jobId        the job id (GITHUB_JOB)
     * @param runId        a number unique per run
     * @param runNumber    a number counting runs of this workflow
     * @param eventName    the event (GITHUB_EVENT_NAME)
     * @param baseRef      the pull request's base branch, else ""
     * @param headRef      the pull request's head branch, else ""
     * @param ref          the ref the event describes (GITHUB_REF)
     */
    public record RunIdentity(String workflow, String workflowFile, String jobId, long runId, long runNumber,
                              String eventName, String baseRef, String headRef, EventRef ref) {
    }

    /**
     * The variables every step starts with, before workflow, job and step {@code env:}. Per-step
     * file paths (GITHUB_ENV, GITHUB_OUTPUT, ...) and GITHUB_ACTION are set by the step runner.
     */
    public static Map<String, String> of(RepositoryFacts facts, RunIdentity run, JobPaths paths, boolean debug) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_ACTOR", facts.actor());
        env.put("GITHUB_ACTOR_ID", "0");
        env.put("GITHUB_TRIGGERING_ACTOR", facts.actor());
        env.put("GITHUB_API_URL", "https://api.github.com");
        env.put("GITHUB_GRAPHQL_URL", "https://api.github.com/graphql");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_BASE_REF", run.baseRef());
        env.put("GITHUB_HEAD_REF", run.headRef());
        env.put("GITHUB_EVENT_NAME", run.eventName());
        env.put("GITHUB_EVENT_PATH", paths.eventPath().toString());
        env.put("GITHUB_JOB", run.jobId());
        env.put("GITHUB_REF", run.ref().ref());
        env.put("GITHUB_REF_NAME", run.ref().name());
        env.put("GITHUB_REF_PROTECTED", "false");
        env.put("GITHUB_REF_TYPE", run.ref().type());
        env.put("GITHUB_REPOSITORY", facts.fullName());
        env.put("GITHUB_REPOSITORY_ID", "0");
        env.put("GITHUB_REPOSITORY_OWNER", facts.owner());
        env.put("GITHUB_REPOSITORY_OWNER_ID", "0");
        env.put("GITHUB_RETENTION_DAYS", "90");
        env.put("GITHUB_RUN_ATTEMPT", "1");
        env.put("GITHUB_RUN_ID", Long.toString(run.runId()));
        env.put("GITHUB_RUN_NUMBER", Long.toString(run.runNumber()));
        env.put("GITHUB_SHA", facts.sha());
        env.put("GITHUB_WORKFLOW", run.workflow());
        env.put("GITHUB_WORKFLOW_REF", facts.fullName() + "/" + run.workflowFile() + "@" + run.ref().ref());
        env.put("GITHUB_WORKFLOW_SHA", facts.sha());
        env.put("GITHUB_WORKSPACE", paths.workspace().toString());
        env.put("RUNNER_ARCH", arch());
        env.put("RUNNER_ENVIRONMENT", "self-hosted");
        env.put("RUNNER_NAME", "gantry");
        env.put("RUNNER_OS", OsMismatch.thisMachine());
        env.put("RUNNER_TEMP", paths.temp().toString());
        env.put("RUNNER_TOOL_CACHE", paths.toolCache().toString());
        if (debug) {
            env.put("RUNNER_DEBUG", "1");
        }
        return env;
    }

    /** {@code X64}, {@code ARM64}, {@code X86} or {@code ARM}, as RUNNER_ARCH names them. */
    static String arch() {
        String a = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "X64";
            case "aarch64", "arm64" -> "ARM64";
            case "x86", "i386", "i686" -> "X86";
            default -> a.startsWith("arm") ? "ARM" : a.toUpperCase(Locale.ROOT);
        };
    }
}

package dev.gantry.expr.gitlab;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds GitLab's predefined {@code CI_*} variables from facts about the commit, ref, project,
 * pipeline and job, following "Predefined CI/CD variables reference" (docs.gitlab.com), including
 * its "Variable availability" (pre-pipeline, pipeline, job-only) and "Predefined variables for merge
 * request pipelines". A pure mapping: reading the repository or the clock is the caller's job.
 *
 * <p>Fill the facts with the fluent setters, then take {@link #forRules()} (what {@code rules},
 * {@code workflow:rules} and {@code only}/{@code except} can read) or {@link #forJob()} (everything,
 * for the job's environment). A fact that was not given leaves its variables undefined, except the
 * few with a documented default ({@code CI_NODE_TOTAL=1}, {@code CI_CONFIG_PATH=.gitlab-ci.yml},
 * {@code CI_COMMIT_REF_PROTECTED=false}). Not thread-safe; use one instance per pipeline or job.
 */
public final class PredefinedVariables {

    /** {@code CI_COMMIT_BEFORE_SHA} when there is no previous commit, and in merge request pipelines. */
    public static final String NULL_SHA = "0000000000000000000000000000000000000000";

    /**
     * The commit the pipeline runs for.
     *
     * @param sha       full SHA
     * @param beforeSha the previous latest commit of the branch or tag, or null when unknown (new ref)
     * @param message   full commit message
     * @param author    {@code Name <email>}
     * @param timestamp commit time
     */
    public record Commit(String sha, String beforeSha, String message, String author, Instant timestamp) {
    }

    /** Whether a pipeline's ref is a branch or a tag. */
    public enum RefKind { BRANCH, TAG }

    /**
     * The ref the pipeline runs for. For a merge request pipeline, the source branch.
     *
     * @param name       the branch or tag name, without {@code refs/heads/} or {@code refs/tags/}
     * @param kind       branch or tag
     * @param protectedRef whether the ref is protected
     * @param tagMessage the annotated tag's message, or null
     */
    public record Ref(String name, RefKind kind, boolean protectedRef, String tagMessage) {
        public static Ref branch(String name) {
            return new Ref(name, RefKind.BRANCH, false, null);
        }

        public static Ref tag(String name) {
            return new Ref(name, RefKind.TAG, false, null);
        }
    }

    /**
     * The project.
     *
     * @param path the full path, {@code namespace/sub/name}
     * @param id   the project ID
     */
    public record Project(String path, long id) {
    }

    /**
     * The GitLab server the pipeline belongs to.
     *
     * @param url     base URL, {@code protocol://host[:port]}
     * @param version GitLab version, for example {@code 17.2.1}, or null
     */
    public record Server(String url, String version) {
    }

    /**
     * The pipeline.
     *
     * @param source    {@code CI_PIPELINE_SOURCE}: push, web, schedule, api, trigger,
     *                  merge_request_event, ... ("Specify when jobs run with rules#CI_PIPELINE_SOURCE
     *                  predefined variable")
     * @param id        instance-wide ID
     * @param iid       project-wide ID
     * @param createdAt creation time
     * @param name      {@code workflow:name}, or null
     * @param triggered whether it was started with a trigger token
     */
    public record Pipeline(String source, long id, long iid, Instant createdAt, String name, boolean triggered) {
    }

    /**
     * An open merge request, for merge request pipelines.
     *
     * @param id           instance-wide ID
     * @param iid          project-wide number
     * @param sourceBranch source branch
     * @param targetBranch target branch
     * @param title        title
     * @param description  description (cut to 2700 characters as GitLab does)
     * @param labels       label names
     * @param diffBaseSha  base SHA of the diff
     * @param eventType    {@code detached}, {@code merged_result} or {@code merge_train}
     */
    public record MergeRequest(long id, long iid, String sourceBranch, String targetBranch, String title,
                               String description, List<String> labels, String diffBaseSha, String eventType) {
        public MergeRequest {
            labels = List.copyOf(labels);
        }
    }

    /**
     * The job.
     *
     * @param name      job name (with the matrix or index suffix for parallel jobs)
     * @param stage     stage
     * @param id        instance-wide job ID
     * @param nodeIndex 1-based index among parallel jobs, or 0 when the job does not use {@code parallel}
     * @param nodeTotal number of parallel jobs, 1 without {@code parallel}
     * @param manual    whether the job was started manually
     */
    public record Job(String name, String stage, long id, int nodeIndex, int nodeTotal, boolean manual) {
    }

    /**
     * Who started the pipeline (or the manual job).
     *
     * @param id    user ID
     * @param login username
     * @param name  display name
     * @param email email
     */
    public record User(long id, String login, String name, String email) {
    }

    private static final int MR_DESCRIPTION_LIMIT = 2700;
    private static final int TITLE_LIMIT = 100;

    private Commit commit;
    private Ref ref;
    private String defaultBranch;
    private Project project;
    private Server server;
    private Pipeline pipeline;
    private String configPath = ".gitlab-ci.yml";
    private MergeRequest mergeRequest;
    private Job job;
    private User user;
    private String projectDir;
    private String buildsDir;

    public PredefinedVariables commit(Commit value) {
        this.commit = value;
        return this;
    }

    public PredefinedVariables ref(Ref value) {
        this.ref = value;
        return this;
    }

    public PredefinedVariables defaultBranch(String value) {
        this.defaultBranch = value;
        return this;
    }

    public PredefinedVariables project(Project value) {
        this.project = value;
        return this;
    }

    public PredefinedVariables server(Server value) {
        this.server = value;
        return this;
    }

    public PredefinedVariables pipeline(Pipeline value) {
        this.pipeline = value;
        return this;
    }

    /** {@code CI_CONFIG_PATH}; {@code .gitlab-ci.yml} unless set. */
    public PredefinedVariables configPath(String value) {
        this.configPath = value;
        return this;
    }

    /** Makes this a merge request pipeline. */
    public PredefinedVariables mergeRequest(MergeRequest value) {
        this.mergeRequest = value;
        return this;
    }

    public PredefinedVariables job(Job value) {
        this.job = value;
        return this;
    }

    public PredefinedVariables user(User value) {
        this.user = value;
        return this;
    }

    /**
     * Where the job runs: {@code CI_PROJECT_DIR} (the checkout) and {@code CI_BUILDS_DIR} (its
     * top-level directory). Job-only variables.
     */
    public PredefinedVariables workspace(String projectDirectory, String buildsDirectory) {
        this.projectDir = projectDirectory;
        this.buildsDir = buildsDirectory;
        return this;
    }

    /** Pre-pipeline and pipeline variables: what {@code rules:if} and {@code only}/{@code except} see. */
    public Variables forRules() {
        List<Variables.Entry> out = new ArrayList<>();
        addPrePipeline(out);
        addPipeline(out);
        return Variables.fromEntries(out);
    }

    /** Every predefined variable, job-only ones included: what the job's environment holds. */
    public Variables forJob() {
        List<Variables.Entry> out = new ArrayList<>();
        addPrePipeline(out);
        addPipeline(out);
        addJobOnly(out);
        return Variables.fromEntries(out);
    }

    private void addPrePipeline(List<Variables.Entry> out) {
        put(out, "CI", "true");
        put(out, "GITLAB_CI", "true");
        put(out, "CI_CONFIG_PATH", configPath);
        addCommit(out);
        addRef(out);
        put(out, "CI_DEFAULT_BRANCH", defaultBranch);
        if (pipeline != null) {
            put(out, "CI_PIPELINE_SOURCE", pipeline.source());
            put(out, "CI_PIPELINE_CREATED_AT", timestamp(pipeline.createdAt()));
            put(out, "CI_PIPELINE_NAME", pipeline.name());
        }
        addProject(out);
        addServer(out);
        addMergeRequest(out);
    }

    private void addCommit(List<Variables.Entry> out) {
        if (commit == null) {
            return;
        }
        String sha = commit.sha();
        put(out, "CI_COMMIT_SHA", sha);
        put(out, "CI_COMMIT_SHORT_SHA", sha == null ? null : sha.substring(0, Math.min(8, sha.length())));
        boolean noBefore = mergeRequest != null || commit.beforeSha() == null || commit.beforeSha().isEmpty();
        put(out, "CI_COMMIT_BEFORE_SHA", noBefore ? NULL_SHA : commit.beforeSha());
        String message = commit.message();
        put(out, "CI_COMMIT_MESSAGE", message);
        if (message != null) {
            int newline = message.indexOf('\n');
            String title = newline < 0 ? message : message.substring(0, newline);
            put(out, "CI_COMMIT_TITLE", title);
            // "If the title is shorter than 100 characters, the message without the first line";
            // a longer title cannot stand alone, so the description is then the whole message.
            String rest = newline < 0 ? "" : message.substring(newline + 1).strip();
            put(out, "CI_COMMIT_DESCRIPTION", title.length() < TITLE_LIMIT ? rest : message);
        }
        put(out, "CI_COMMIT_AUTHOR", commit.author());
        put(out, "CI_COMMIT_TIMESTAMP", timestamp(commit.timestamp()));
    }

    private void addRef(List<Variables.Entry> out) {
        if (ref == null) {
            return;
        }
        put(out, "CI_COMMIT_REF_NAME", ref.name());
        put(out, "CI_COMMIT_REF_SLUG", Slug.of(ref.name()));
        put(out, "CI_COMMIT_REF_PROTECTED", Boolean.toString(ref.protectedRef()));
        // Branch pipelines only: not for tags and not for merge request pipelines.
        if (ref.kind() == RefKind.BRANCH && mergeRequest == null) {
            put(out, "CI_COMMIT_BRANCH", ref.name());
        }
        if (ref.kind() == RefKind.TAG) {
            put(out, "CI_COMMIT_TAG", ref.name());
            put(out, "CI_COMMIT_TAG_MESSAGE", ref.tagMessage());
        }
    }

    private void addProject(List<Variables.Entry> out) {
        if (project == null || project.path() == null) {
            return;
        }
        String path = project.path();
        int lastSlash = path.lastIndexOf('/');
        int firstSlash = path.indexOf('/');
        String name = path.substring(lastSlash + 1);
        put(out, "CI_PROJECT_ID", Long.toString(project.id()));
        put(out, "CI_PROJECT_NAME", name);
        put(out, "CI_PROJECT_TITLE", name);
        put(out, "CI_PROJECT_PATH", path);
        put(out, "CI_PROJECT_PATH_SLUG", Slug.of(path));
        put(out, "CI_PROJECT_NAMESPACE", lastSlash < 0 ? "" : path.substring(0, lastSlash));
        put(out, "CI_PROJECT_ROOT_NAMESPACE", firstSlash < 0 ? "" : path.substring(0, firstSlash));
        put(out, "CI_PROJECT_URL", projectUrl());
    }

    private void addServer(List<Variables.Entry> out) {
        ServerUrl url = server == null ? null : ServerUrl.parse(server.url());
        if (url == null) {
            return;
        }
        put(out, "CI_SERVER_URL", url.base());
        put(out, "CI_SERVER_PROTOCOL", url.protocol());
        put(out, "CI_SERVER_HOST", url.host());
        put(out, "CI_SERVER_PORT", Integer.toString(url.port()));
        put(out, "CI_SERVER_FQDN", url.explicitPort() ? url.host() + ":" + url.port() : url.host());
        put(out, "CI_SERVER_NAME", "GitLab");
        put(out, "CI_API_V4_URL", url.base() + "/api/v4");
        put(out, "CI_API_GRAPHQL_URL", url.base() + "/api/graphql");
        String version = server.version();
        if (version != null) {
            put(out, "CI_SERVER_VERSION", version);
            String[] parts = version.split("[.-]");
            String[] names = {"CI_SERVER_VERSION_MAJOR", "CI_SERVER_VERSION_MINOR", "CI_SERVER_VERSION_PATCH"};
            for (int i = 0; i < names.length && i < parts.length; i++) {
                put(out, names[i], parts[i]);
            }
        }
    }

    private void addMergeRequest(List<Variables.Entry> out) {
        MergeRequest mr = mergeRequest;
        if (mr == null) {
            return;
        }
        put(out, "CI_MERGE_REQUEST_ID", Long.toString(mr.id()));
        put(out, "CI_MERGE_REQUEST_IID", Long.toString(mr.iid()));
        put(out, "CI_MERGE_REQUEST_TITLE", mr.title());
        String description = mr.description() == null ? "" : mr.description();
        boolean cut = description.length() > MR_DESCRIPTION_LIMIT;
        put(out, "CI_MERGE_REQUEST_DESCRIPTION", cut ? description.substring(0, MR_DESCRIPTION_LIMIT) : description);
        put(out, "CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED", Boolean.toString(cut));
        put(out, "CI_MERGE_REQUEST_LABELS", String.join(",", mr.labels()));
        put(out, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", mr.sourceBranch());
        put(out, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", mr.targetBranch());
        put(out, "CI_MERGE_REQUEST_DIFF_BASE_SHA", mr.diffBaseSha());
        put(out, "CI_MERGE_REQUEST_EVENT_TYPE", mr.eventType() == null ? "detached" : mr.eventType());
        put(out, "CI_MERGE_REQUEST_REF_PATH", "refs/merge-requests/" + mr.iid() + "/head");
        // Documented as empty in merge request pipelines; only merged results pipelines fill them.
        put(out, "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "");
        put(out, "CI_MERGE_REQUEST_TARGET_BRANCH_SHA", "");
        if (project != null) {
            String id = Long.toString(project.id());
            put(out, "CI_MERGE_REQUEST_PROJECT_ID", id);
            put(out, "CI_MERGE_REQUEST_PROJECT_PATH", project.path());
            put(out, "CI_MERGE_REQUEST_PROJECT_URL", projectUrl());
            put(out, "CI_MERGE_REQUEST_SOURCE_PROJECT_ID", id);
            put(out, "CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", project.path());
            put(out, "CI_MERGE_REQUEST_SOURCE_PROJECT_URL", projectUrl());
        }
    }

    private void addPipeline(List<Variables.Entry> out) {
        if (pipeline != null) {
            put(out, "CI_PIPELINE_IID", Long.toString(pipeline.iid()));
            if (pipeline.triggered()) {
                put(out, "CI_PIPELINE_TRIGGERED", "true");
            }
        }
        if (user != null) {
            put(out, "GITLAB_USER_ID", Long.toString(user.id()));
            put(out, "GITLAB_USER_LOGIN", user.login());
            put(out, "GITLAB_USER_NAME", user.name());
            put(out, "GITLAB_USER_EMAIL", user.email());
        }
        if (job == null) {
            return;
        }
        put(out, "CI_JOB_NAME", job.name());
        put(out, "CI_JOB_NAME_SLUG", Slug.of(job.name()));
        put(out, "CI_JOB_STAGE", job.stage());
        put(out, "CI_NODE_TOTAL", Integer.toString(Math.max(1, job.nodeTotal())));
        if (job.nodeIndex() > 0) {
            put(out, "CI_NODE_INDEX", Integer.toString(job.nodeIndex()));
        }
        if (job.manual()) {
            put(out, "CI_JOB_MANUAL", "true");
        }
    }

    private void addJobOnly(List<Variables.Entry> out) {
        put(out, "CI_SERVER", "yes");
        put(out, "CI_PROJECT_DIR", projectDir);
        put(out, "CI_BUILDS_DIR", buildsDir);
        String projectUrl = projectUrl();
        if (pipeline != null) {
            put(out, "CI_PIPELINE_ID", Long.toString(pipeline.id()));
            put(out, "CI_PIPELINE_URL", projectUrl == null ? null : projectUrl + "/-/pipelines/" + pipeline.id());
        }
        if (job != null) {
            put(out, "CI_JOB_ID", Long.toString(job.id()));
            put(out, "CI_JOB_URL", projectUrl == null ? null : projectUrl + "/-/jobs/" + job.id());
        }
    }

    private String projectUrl() {
        ServerUrl url = server == null ? null : ServerUrl.parse(server.url());
        return url == null || project == null || project.path() == null ? null : url.base() + "/" + project.path();
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Adds a variable unless its value is unknown (null), which leaves it undefined. */
    private static void put(List<Variables.Entry> out, String name, String value) {
        if (value != null) {
            out.add(new Variables.Entry(name, value, true));
        }
    }

    /**
     * The parts of a server URL. Parsed by hand: gantry-core does not use {@code java.net}.
     *
     * @param protocol     {@code http} or {@code https} (or whatever the URL says)
     * @param host         host name
     * @param port         port, the protocol's default when the URL has none
     * @param explicitPort whether the URL names the port
     */
    private record ServerUrl(String protocol, String host, int port, boolean explicitPort) {

        static ServerUrl parse(String url) {
            if (url == null) {
                return null;
            }
            int schemeEnd = url.indexOf("://");
            if (schemeEnd <= 0) {
                return null;
            }
            String protocol = url.substring(0, schemeEnd);
            String rest = url.substring(schemeEnd + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            int colon = authority.lastIndexOf(':');
            String host = colon < 0 ? authority : authority.substring(0, colon);
            int defaultPort = "http".equals(protocol) ? 80 : 443;
            if (host.isEmpty()) {
                return null;
            }
            if (colon < 0) {
                return new ServerUrl(protocol, host, defaultPort, false);
            }
            String port = authority.substring(colon + 1);
            return port.matches("[0-9]{1,5}")
                    ? new ServerUrl(protocol, host, Integer.parseInt(port), true)
                    : new ServerUrl(protocol, host, defaultPort, false);
        }

        String base() {
            return protocol + "://" + (explicitPort ? host + ":" + port : host);
        }
    }
}

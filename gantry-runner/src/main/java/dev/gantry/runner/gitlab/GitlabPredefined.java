package dev.gantry.runner.gitlab;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.expr.gitlab.PredefinedVariables;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.match.OnlyExceptContext;
import dev.gantry.runner.git.GitFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitLab's predefined variables for a local run ("Predefined CI/CD variables reference",
 * docs.gitlab.com), filled from the repository's facts: the commit and ref of HEAD, the project path
 * from the {@code origin} remote ({@code owner/name}), the server from the remote's host
 * ({@code https://host}, else {@code http://localhost}), project id 1 and pipeline iid 1. A merge
 * request pipeline ({@code merge_request_event}) gets merge request 1 from the current branch into the
 * default branch. A tag pipeline's CI_COMMIT_TAG_MESSAGE is the annotated tag's message, read from git.
 */
public final class GitlabPredefined {

    private GitlabPredefined() {
    }

    /** The {@code --event} names Gantry shares with GitHub, as GitLab pipeline sources. */
    private static final Map<String, String> SOURCES = Map.of(
            "pull_request", "merge_request_event", "merge_request", "merge_request_event",
            "workflow_dispatch", "web", "repository_dispatch", "api");

    /** CI_PIPELINE_SOURCE for an {@code --event} name: GitLab's own names pass through. */
    public static String source(String event) {
        String e = event.toLowerCase(Locale.ROOT);
        return SOURCES.getOrDefault(e, e);
    }

    /** What the pipeline-level builder starts from. */
    static PredefinedVariables pipeline(GitlabRun run) {
        return base(run.facts(), run.source(), run.pipelineId(), run.createdAt(), run.file(), run.pipeline().name(),
                run.repository());
    }

    /**
     * The variables {@code workflow:rules} and job {@code rules} see.
     *
     * @param repository the repository on this machine (a tag pipeline's CI_COMMIT_TAG_MESSAGE comes from it)
     */
    public static Variables forRules(RepositoryFacts facts, String source, long pipelineId, Instant createdAt,
                                     String configPath, String pipelineName, Path repository) {
        return base(facts, source, pipelineId, createdAt, configPath, pipelineName, repository).forRules();
    }

    /** What {@code only}/{@code except} look at. */
    public static OnlyExceptContext onlyExceptContext(RepositoryFacts facts, String source, List<String> changedFiles) {
        OnlyExceptContext.RefType type = source.equals("merge_request_event") ? OnlyExceptContext.RefType.MERGE_REQUEST
                : facts.isTag() ? OnlyExceptContext.RefType.TAG : OnlyExceptContext.RefType.BRANCH;
        return OnlyExceptContext.of(source, facts.refName(), type, facts.fullName()).withChangedFiles(changedFiles);
    }

    private static PredefinedVariables base(RepositoryFacts facts, String source, long pipelineId, Instant createdAt,
                                            String configPath, String pipelineName, Path repository) {
        PredefinedVariables p = new PredefinedVariables()
                .commit(new PredefinedVariables.Commit(facts.sha(), beforeSha(facts, source),
                        facts.message(), facts.authorName() + " <" + facts.authorEmail() + ">", facts.timestamp()))
                .ref(facts.isTag() ? new PredefinedVariables.Ref(facts.refName(), PredefinedVariables.RefKind.TAG,
                        false, tagMessage(repository, facts.refName()))
                        : PredefinedVariables.Ref.branch(facts.refName()))
                .defaultBranch(facts.defaultBranch())
                .project(new PredefinedVariables.Project(facts.fullName(), 1))
                .server(new PredefinedVariables.Server(serverUrl(facts.remoteUrl()), null))
                .pipeline(new PredefinedVariables.Pipeline(source, pipelineId, 1, createdAt, pipelineName,
                        source.equals("trigger")))
                .configPath(configPath)
                .user(new PredefinedVariables.User(1, facts.actor(), facts.authorName(), facts.authorEmail()));
        if (source.equals("merge_request_event")) {
            p.mergeRequest(new PredefinedVariables.MergeRequest(1, 1, facts.refName(), facts.defaultBranch(),
                    facts.title(), "", List.of(), facts.beforeSha(), "detached"));
        }
        return p;
    }

    /**
     * CI_COMMIT_BEFORE_SHA ("Predefined CI/CD variables reference": "The previous latest commit present
     * on a branch or tag. Is always 0000000000000000000000000000000000000000 for merge request
     * pipelines, scheduled pipelines, the first commit in pipelines for branches or tags, or when
     * manually running a pipeline"): the parent commit only for the push of a branch the remote
     * already has ({@link RepositoryFacts#newOnOrigin()}), as the other pipelines have no previous commit.
     */
    private static String beforeSha(RepositoryFacts facts, String source) {
        if (!source.equals("push") || facts.isTag()) {
            return RepositoryFacts.ZERO_SHA;
        }
        return facts.newOnOrigin() ? RepositoryFacts.ZERO_SHA : facts.beforeSha();
    }

    /** CI_COMMIT_TAG_MESSAGE ("The commit tag message. Available only in pipelines for tags"), or null. */
    private static String tagMessage(Path repository, String tag) {
        try {
            return GitFacts.tagMessage(repository, tag);
        } catch (IOException e) {
            return null; // a repository git cannot read has no tag message to give
        }
    }

    /** {@code https://host} of an origin URL ({@code https://host/...}, {@code git@host:...}), else localhost. */
    static String serverUrl(String remoteUrl) {
        if (remoteUrl != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^(?:[a-z+]+://)?(?:[^@/]+@)?([A-Za-z0-9.-]+)[:/]").matcher(remoteUrl);
            if (m.find() && m.group(1).contains(".")) {
                return "https://" + m.group(1);
            }
        }
        return "http://localhost";
    }
}

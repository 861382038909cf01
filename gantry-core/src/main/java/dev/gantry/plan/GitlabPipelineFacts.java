package dev.gantry.plan;

import dev.gantry.expr.gitlab.Variables;
import dev.gantry.match.OnlyExceptContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What GitLab looks at when it creates a pipeline, gathered by the caller (the CLI reads the git
 * repository; the server reads a webhook).
 *
 * @param context      the pipeline source, ref, ref type, project path and changed files
 *                     ({@link OnlyExceptContext#changedFiles()} null when unknown, so that
 *                     {@code changes} matches); its variables are ignored, the planner sets them
 * @param predefined   the predefined variables available to rules ({@code PredefinedVariables.forRules()})
 * @param runVariables pipeline variables ({@code --variable NAME=VALUE}), the highest precedence
 * @param files        the repository's files, repository-relative with {@code /}, for
 *                     {@code rules:exists}; asked for only when a rule uses {@code exists}
 * @param changesSince for {@code rules:changes:compare_to}: the files changed between that ref and
 *                     the pipeline's commit; empty when the ref names no commit, null when unknown
 *                     (then {@code changes} matches); asked for only when a rule uses {@code compare_to}
 */
public record GitlabPipelineFacts(OnlyExceptContext context, Variables predefined, Variables runVariables,
                                  Supplier<List<String>> files, Function<String, Optional<List<String>>> changesSince) {

    /**
     * Whether a pipeline has changed files to test {@code changes} against: only a branch pipeline of
     * a Git push and a merge request pipeline do. Tag, scheduled, web, API and trigger pipelines have
     * no push to compare with, so there {@code changes} is always true ("CI/CD YAML syntax
     * reference#rules:changes"; "Specify when jobs run with rules#Jobs or pipelines run unexpectedly
     * when using changes": "The changes rule always evaluates to true when pushing a new branch or a
     * new tag"). {@code compare_to} still compares, whatever the pipeline.
     *
     * @param source the pipeline source ({@code CI_PIPELINE_SOURCE})
     * @param tag    whether the pipeline runs for a tag
     */
    public static boolean hasPushChanges(String source, boolean tag) {
        return source.equals("merge_request_event") || (source.equals("push") && !tag);
    }

    /** Facts without a repository to compare refs in: {@code compare_to} rules match as if unknown. */
    public GitlabPipelineFacts(OnlyExceptContext context, Variables predefined, Variables runVariables,
                               Supplier<List<String>> files) {
        this(context, predefined, runVariables, files, ref -> null);
    }
}

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

    /** Facts without a repository to compare refs in: {@code compare_to} rules match as if unknown. */
    public GitlabPipelineFacts(OnlyExceptContext context, Variables predefined, Variables runVariables,
                               Supplier<List<String>> files) {
        this(context, predefined, runVariables, files, ref -> null);
    }
}

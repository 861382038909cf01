package dev.gantry.match;

import dev.gantry.expr.gitlab.Variables;
import java.util.List;

/**
 * What GitLab's {@code only} and {@code except} look at when a pipeline is created.
 *
 * @param source           {@code CI_PIPELINE_SOURCE}: push, web, schedule, api, trigger, pipeline,
 *                         merge_request_event, external_pull_request_event, chat, external, ...
 * @param ref              the branch or tag name (for merge request pipelines, the source branch)
 * @param refType          whether the pipeline runs for a branch, a tag or a merge request (null: a branch)
 * @param projectPath      the project's full path, {@code group/project}, for {@code ref@path} entries
 * @param variables        the variables {@code only:variables} reads, already expanded
 * @param changedFiles     changed paths, or null when they are unknown (a new branch, a schedule,
 *                         a web or API pipeline), in which case {@code changes} counts as matching
 * @param kubernetesActive whether a Kubernetes service is active, for {@code kubernetes: active}
 */
public record OnlyExceptContext(String source, String ref, RefType refType, String projectPath,
                                Variables variables, List<String> changedFiles, boolean kubernetesActive) {

    /** What the pipeline runs for. */
    public enum RefType { BRANCH, TAG, MERGE_REQUEST }

    public OnlyExceptContext {
        refType = refType == null ? RefType.BRANCH : refType;
        variables = variables == null ? Variables.empty() : variables;
        changedFiles = changedFiles == null ? null : List.copyOf(changedFiles);
    }

    /** A context with no variables, unknown changes and no Kubernetes. */
    public static OnlyExceptContext of(String source, String ref, RefType refType, String projectPath) {
        return new OnlyExceptContext(source, ref, refType, projectPath, Variables.empty(), null, false);
    }

    public OnlyExceptContext withVariables(Variables value) {
        return new OnlyExceptContext(source, ref, refType, projectPath, value, changedFiles, kubernetesActive);
    }

    public OnlyExceptContext withChangedFiles(List<String> value) {
        return new OnlyExceptContext(source, ref, refType, projectPath, variables, value, kubernetesActive);
    }

    public OnlyExceptContext withKubernetesActive(boolean value) {
        return new OnlyExceptContext(source, ref, refType, projectPath, variables, changedFiles, value);
    }

    /** How the pipeline reads in a reason: {@code branch 'main'}, {@code tag 'v1'}, ... */
    String describe() {
        return switch (refType) {
            case BRANCH -> "branch '" + ref + "'";
            case TAG -> "tag '" + ref + "'";
            case MERGE_REQUEST -> "the merge request pipeline of '" + ref + "'";
        } + " (pipeline source " + source + ")";
    }
}

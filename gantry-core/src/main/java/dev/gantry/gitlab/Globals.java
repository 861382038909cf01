package dev.gantry.gitlab;

import dev.gantry.model.Rule;
import dev.gantry.model.Variable;
import java.util.List;

/**
 * The pipeline-wide keywords, parsed: what jobs are checked against and inherit from.
 *
 * @param stages                 the stages in order, {@code .pre} first and {@code .post} last
 * @param variables              the global (default) {@code variables:}
 * @param name                   {@code workflow:name}, or null
 * @param workflowRules          {@code workflow:rules}, or null when not written
 * @param autoCancelOnNewCommit  {@code workflow:auto_cancel:on_new_commit}, or null
 * @param autoCancelOnJobFailure {@code workflow:auto_cancel:on_job_failure}, or null
 * @param defaults               {@code default:} and the deprecated global defaults
 */
record Globals(List<String> stages, List<Variable> variables, String name, List<Rule> workflowRules,
               String autoCancelOnNewCommit, String autoCancelOnJobFailure, Defaults defaults) {
}

package dev.gantry.runner.gitlab;

import dev.gantry.plan.GitlabPlannedJob;
import java.util.Locale;

/**
 * Whether a job's build directory gets the project's files, by its {@code GIT_STRATEGY} variable
 * ("Configure runners#Git strategy", docs.gitlab.com/ci/runners/configure_runners): {@code clone}
 * and {@code fetch} (the default) check the commit out; {@code none} skips every Git operation and
 * leaves the directory as the runner had it, and {@code empty} starts from an empty directory. Gantry
 * gives every job a fresh directory, as a fresh runner has, so both {@code none} and {@code empty}
 * start empty: the job sees only what its artifacts and caches bring, and a deploy job that reads
 * the repository by mistake fails here as it would on such a runner.
 *
 * <p>The value is the pipeline's ({@code --variable}), else the project's ({@code --secret}), else
 * the YAML's, as the variables' precedence orders them.
 */
final class GitStrategy {

    private GitStrategy() {
    }

    /** @return true when the job's build directory starts empty */
    static boolean skipsSources(GitlabRun run, GitlabPlannedJob job) {
        String value = run.runVariables().get("GIT_STRATEGY");
        if (value == null) {
            value = run.secrets().get("GIT_STRATEGY");
        }
        if (value == null) {
            value = job.variables().value("GIT_STRATEGY");
        }
        String strategy = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return strategy.equals("none") || strategy.equals("empty");
    }
}

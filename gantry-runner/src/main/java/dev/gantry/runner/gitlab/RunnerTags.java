package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.VariableLayer;
import dev.gantry.expr.gitlab.VariableScope;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.runner.platform.OsMismatch;
import dev.gantry.plan.GitlabPlannedJob;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a job's {@code tags} ask for a runner of another operating system than this machine's.
 * On GitLab the tags pick the runner ("CI/CD YAML syntax reference#tags"); Gantry runs every job
 * here, so a job meant for a Windows or macOS runner would run its PowerShell or Xcode script on the
 * wrong system and fail for a reason that says nothing about the pipeline. It is skipped with the
 * reason instead, as a GitHub job whose {@code runs-on} names another system is.
 *
 * <p>The system is read from the tags GitLab documents for its hosted runners ("Hosted runners on
 * Linux", "Hosted runners on Windows", "Hosted runners on macOS": {@code saas-linux-*},
 * {@code saas-windows-*}, {@code saas-macos-*}; the older {@code shared-windows} and
 * {@code windows-1809}) and from the plain names {@code linux}, {@code windows} and {@code macos}
 * that self-managed runners are commonly tagged with. Tags are compared ignoring case; any other
 * tag (a team's own, {@code docker}, {@code gpu}) says nothing about the system and is accepted.
 * Tags may hold CI/CD variables ({@code tags: [$RUNNER_TAG]} in a {@code parallel:matrix}); they are
 * expanded with the job's variables first.
 */
final class RunnerTags {

    private RunnerTags() {
    }

    /**
     * The job's tags with the job's variables expanded, in the order it lists them.
     *
     * @param run the pipeline run (its predefined and {@code --variable} variables)
     * @param job the planned job, with its tags in {@code job().runsOn()}
     */
    static List<String> expanded(GitlabRun run, GitlabPlannedJob job) {
        return job.job().runsOn().isEmpty() ? List.of()
                : expanded(job, GitlabPredefined.pipeline(run).forJob(), run.runVariables());
    }

    /** The tags expanded without the predefined variables, for a plan that does not run. */
    static List<String> expanded(GitlabPlannedJob job, Map<String, String> runVariables) {
        return expanded(job, Variables.of(Map.of()), runVariables);
    }

    private static List<String> expanded(GitlabPlannedJob job, Variables predefined, Map<String, String> runVariables) {
        List<String> tags = job.job().runsOn();
        Map<VariableLayer, Variables> layers = new EnumMap<>(VariableLayer.class);
        layers.put(VariableLayer.PREDEFINED, predefined);
        layers.put(VariableLayer.PIPELINE_YAML, job.variables());
        layers.put(VariableLayer.PIPELINE_RUN, Variables.of(runVariables));
        Variables variables = VariableExpander.resolveAll(VariableScope.merge(layers), ExpansionPlace.RUNNER)
                .variables();
        return tags.stream().map(t -> VariableExpander.expand(t, variables, ExpansionPlace.RUNNER)).toList();
    }

    /**
     * @param tags   the job's tags, expanded ({@link #expanded})
     * @param hostOs this machine ({@link OsMismatch#thisMachine()})
     * @return the first tag that asks for another system, or empty when the job can run here
     */
    static Optional<OsMismatch> mismatch(List<String> tags, String hostOs) {
        return OsMismatch.first("tags", tags, RunnerTags::osOf, hostOs);
    }

    private static String osOf(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.equals("linux") || t.startsWith("saas-linux-")) {
            return "Linux";
        }
        if (t.equals("windows") || t.startsWith("windows-") || t.startsWith("saas-windows-")
                || t.equals("shared-windows")) {
            return "Windows";
        }
        if (t.equals("macos") || t.startsWith("macos-") || t.startsWith("saas-macos-")) {
            return "macOS";
        }
        return null;
    }
}

package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One job as written, before matrix expansion.
 *
 * @param id           the job id (GitHub {@code jobs.<id>}) or GitLab job name
 * @param name         the display name (GitHub {@code name:}; GitLab: the job name), never null
 * @param stage        the GitLab stage (default {@code test}); null for GitHub
 * @param needs        the jobs this one waits for; null when GitLab jobs follow stage order
 *                     (no {@code needs:} written), empty for {@code needs: []}
 * @param condition    when the job runs
 * @param matrix       how the job fans out, or null
 * @param env          job-level {@code env:} / {@code variables:} in document order
 * @param runsOn       GitHub {@code runs-on} labels or GitLab {@code tags}
 * @param container    the job's image (GitHub {@code container:}, GitLab {@code image:}), or null
 * @param services     service containers
 * @param steps        what runs, in order (GitLab: one step for {@code before_script} + {@code script},
 *                     one for {@code after_script})
 * @param caches       GitLab caches; empty for GitHub
 * @param artifacts    GitLab artifacts, or null
 * @param timeout      GitHub {@code timeout-minutes} / GitLab {@code timeout}, or null for the default
 * @param retry        GitLab {@code retry}; {@link Retry#NONE} for GitHub
 * @param allowFailure GitHub {@code continue-on-error} / GitLab {@code allow_failure}
 * @param environment  the deployment environment, or null
 * @param concurrency  GitHub {@code concurrency} / GitLab {@code resource_group}, or null
 * @param outputs      GitHub job {@code outputs:} name to expression; empty for GitLab
 * @param details      what only one format has
 * @param range        where the job is defined
 */
public record Job(String id, String name, String stage, List<Need> needs, Condition condition, Matrix matrix,
                  List<Variable> env, List<String> runsOn, Container container, List<Container> services,
                  List<Step> steps, List<Cache> caches, Artifacts artifacts, Duration timeout, Retry retry,
                  AllowFailure allowFailure, Environment environment, Concurrency concurrency,
                  Map<String, String> outputs, JobDetails details, SourceRange range) {

    public Job {
        needs = needs == null ? null : List.copyOf(needs);
        env = List.copyOf(env);
        runsOn = List.copyOf(runsOn);
        services = List.copyOf(services);
        steps = List.copyOf(steps);
        caches = List.copyOf(caches);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }
}

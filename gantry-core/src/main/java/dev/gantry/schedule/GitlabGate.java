package dev.gantry.schedule;

import dev.gantry.model.When;
import java.util.Map;

/**
 * GitLab's rule for whether a ready job runs: its {@code when} against how its predecessors ended
 * ("CI/CD YAML syntax reference#when", "Control how jobs run#Create a job that must be run manually",
 * docs.gitlab.com). What counts as a failure differs with the job's kind, as GitLab processes them
 * (its design document "Future of CI Pipeline Processing", "Problem 3: Different behaviors in DAG/needs"):
 *
 * <ul>
 *   <li>A job in stage order looks at every job of the earlier stages: the earlier stages failed when
 *       one of those jobs failed (or was cancelled) without its failure being allowed; skipped jobs and
 *       manual jobs that were not run count as successful.</li>
 *   <li>A job with {@code needs} looks at the jobs it needs: when one of them was skipped or is a manual
 *       job that was not run, the needs count as skipped, which neither {@code on_success} nor
 *       {@code on_failure} accepts; else they failed when one failed.</li>
 *   <li>{@code on_success} and {@code delayed} run when the predecessors did not fail (the delay is the
 *       scheduler's); {@code on_failure} runs when they failed; {@code always} runs anyway.</li>
 *   <li>{@code manual} behaves as {@code on_success}, and then runs only when the user asked for it
 *       ({@code --manual}); otherwise it ends as {@link JobStatus#MANUAL}.</li>
 *   <li>A manual job with {@code allow_failure: false} that was not run blocks what follows it
 *       ("Control how jobs run#Types of manual jobs": in blocking manual jobs "the pipeline stops at
 *       the stage where the job is defined", and the pipeline shows the status blocked): every job
 *       waiting for it, in stage order or through {@code needs}, and every job waiting for one of
 *       those, whatever its {@code when} (GitLab leaves them created), ends {@link JobStatus#BLOCKED}.
 *       Blocking wins over a failure in the same stage, as in GitLab's stage status.</li>
 *   <li>After the user cancelled the run, nothing more starts: a canceled pipeline runs no job, not even
 *       {@code when: always}.</li>
 * </ul>
 *
 * <p>Pure and immutable; the scheduler calls it on its own thread.
 */
public final class GitlabGate implements JobGate {

    /**
     * What the gate knows of one job.
     *
     * @param when     the effective {@code when}
     * @param blocking a manual job with {@code allow_failure: false}
     * @param dag      the job has {@code needs}
     * @param played   the user asked to run this manual job
     */
    public record JobRule(When when, boolean blocking, boolean dag, boolean played) {
    }

    private final Map<String, JobRule> rules;

    /** @param rules every planned job's rule by key */
    public GitlabGate(Map<String, JobRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    @Override
    public Verdict decide(SchedulingJob job, Map<String, JobStatus> predecessors, boolean cancelRequested) {
        if (cancelRequested) {
            return new Verdict(JobStatus.CANCELLED, "the pipeline was canceled");
        }
        JobRule rule = rules.get(job.key());
        for (Map.Entry<String, JobStatus> p : predecessors.entrySet()) {
            JobRule other = rules.get(p.getKey());
            if (p.getValue() == JobStatus.MANUAL && other != null && other.blocking()) {
                return new Verdict(JobStatus.BLOCKED, "blocked by the manual job '" + p.getKey()
                        + "' (allow_failure: false)");
            }
            if (p.getValue() == JobStatus.BLOCKED) {
                return new Verdict(JobStatus.BLOCKED, "waits for '" + p.getKey() + "', which is blocked");
            }
        }
        Outcome before = rule.dag() ? dagOutcome(predecessors) : stageOutcome(predecessors);
        return switch (rule.when()) {
            case ALWAYS -> Verdict.RUN;
            case ON_FAILURE -> before == Outcome.FAILED ? Verdict.RUN
                    : Verdict.skip(rule.dag() ? "when: on_failure, and no needed job failed"
                            : "when: on_failure, and no job of an earlier stage failed");
            case ON_SUCCESS, DELAYED, MANUAL -> {
                if (before != Outcome.SUCCEEDED) {
                    yield Verdict.skip(before == Outcome.SKIPPED ? "a needed job was skipped or not run"
                            : rule.dag() ? "a needed job failed" : "a job of an earlier stage failed");
                }
                if (rule.when() == When.MANUAL && !rule.played()) {
                    yield new Verdict(JobStatus.MANUAL, (rule.blocking()
                            ? "manual job with allow_failure: false, blocks the pipeline" : "manual job")
                            + ": run it with --manual '" + job.key() + "'");
                }
                yield Verdict.RUN;
            }
            case NEVER -> Verdict.skip("when: never");
        };
    }

    private enum Outcome { SUCCEEDED, FAILED, SKIPPED }

    private static Outcome stageOutcome(Map<String, JobStatus> predecessors) {
        return predecessors.values().stream().anyMatch(GitlabGate::failed) ? Outcome.FAILED : Outcome.SUCCEEDED;
    }

    private static Outcome dagOutcome(Map<String, JobStatus> predecessors) {
        if (predecessors.values().stream().anyMatch(s -> s == JobStatus.SKIPPED || s == JobStatus.MANUAL)) {
            return Outcome.SKIPPED;
        }
        return stageOutcome(predecessors);
    }

    private static boolean failed(JobStatus s) {
        return s == JobStatus.FAILURE || s == JobStatus.CANCELLED;
    }
}

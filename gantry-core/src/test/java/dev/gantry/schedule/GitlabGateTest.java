package dev.gantry.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.model.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitlabGateTest {

    private final Map<String, GitlabGate.JobRule> rules = new LinkedHashMap<>();

    private GitlabGate.JobRule stage(When when) {
        return new GitlabGate.JobRule(when, false, false, false);
    }

    private JobGate.Verdict decide(String key, GitlabGate.JobRule rule, Map<String, JobStatus> preds) {
        rules.put(key, rule);
        return new GitlabGate(rules).decide(new SchedulingJob(key, key, List.copyOf(preds.keySet()), 0, false, null),
                preds, false);
    }

    @Test
    void afterAFailedStageOnlyOnFailureAndAlwaysJobsRun() {
        Map<String, JobStatus> preds = Map.of("build", JobStatus.FAILURE, "lint", JobStatus.SUCCESS);
        assertThat(decide("deploy", stage(When.ON_SUCCESS), preds).outcome()).isEqualTo(JobStatus.SKIPPED);
        assertThat(decide("notify", stage(When.ON_FAILURE), preds).outcome()).isEqualTo(JobStatus.RUNNING);
        assertThat(decide("clean", stage(When.ALWAYS), preds).outcome()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void allowedFailuresSkippedJobsAndIgnoredManualJobsCountAsSuccessInStageOrder() {
        rules.put("optional", stage(When.MANUAL));
        Map<String, JobStatus> preds = Map.of("flaky", JobStatus.ALLOWED_FAILURE, "cleanup", JobStatus.SKIPPED,
                "optional", JobStatus.MANUAL);
        assertThat(decide("deploy", stage(When.ON_SUCCESS), preds).outcome()).isEqualTo(JobStatus.RUNNING);
        assertThat(decide("notify", stage(When.ON_FAILURE), preds).outcome()).isEqualTo(JobStatus.SKIPPED);
    }

    @Test
    void withNeedsASkippedNeedSkipsEvenOnFailureJobs() {
        GitlabGate.JobRule dagOnFailure = new GitlabGate.JobRule(When.ON_FAILURE, false, true, false);
        Map<String, JobStatus> preds = Map.of("build", JobStatus.FAILURE, "test", JobStatus.SKIPPED);
        assertThat(decide("rollback", dagOnFailure, preds).outcome()).isEqualTo(JobStatus.SKIPPED);
        assertThat(decide("rollback2", dagOnFailure, Map.of("build", JobStatus.FAILURE)).outcome())
                .isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aManualJobWaitsForTheUserAndABlockingOneStopsWhatFollows() {
        assertThat(decide("deploy", stage(When.MANUAL), Map.of()).outcome()).isEqualTo(JobStatus.MANUAL);
        assertThat(decide("played", new GitlabGate.JobRule(When.MANUAL, false, false, true), Map.of()).outcome())
                .isEqualTo(JobStatus.RUNNING);
        assertThat(decide("failedFirst", new GitlabGate.JobRule(When.MANUAL, false, false, true),
                Map.of("build", JobStatus.FAILURE)).outcome()).isEqualTo(JobStatus.SKIPPED);
        rules.put("gate", new GitlabGate.JobRule(When.MANUAL, true, false, false));
        JobGate.Verdict after = decide("release", stage(When.ON_SUCCESS), Map.of("gate", JobStatus.MANUAL));
        assertThat(after.outcome()).isEqualTo(JobStatus.BLOCKED);
        assertThat(after.reason()).isEqualTo("blocked by the manual job 'gate' (allow_failure: false)");
    }

    @Test
    void aBlockingManualJobSaysSoAndHowToPlayIt() {
        JobGate.Verdict v = decide("gate", new GitlabGate.JobRule(When.MANUAL, true, false, false), Map.of());
        assertThat(v.outcome()).isEqualTo(JobStatus.MANUAL);
        assertThat(v.reason()).isEqualTo("manual job with allow_failure: false, blocks the pipeline:"
                + " run it with --manual 'gate'");
    }

    @Test
    void whatWaitsForABlockedJobIsBlockedTooWhateverItsWhenAndEvenAfterAFailure() {
        rules.put("gate", new GitlabGate.JobRule(When.MANUAL, true, false, false));
        GitlabGate.JobRule dagAlways = new GitlabGate.JobRule(When.ALWAYS, false, true, false);
        assertThat(decide("cleanup", stage(When.ALWAYS), Map.of("gate", JobStatus.MANUAL)).outcome())
                .isEqualTo(JobStatus.BLOCKED);
        assertThat(decide("notify", stage(When.ON_FAILURE),
                Map.of("build", JobStatus.FAILURE, "gate", JobStatus.MANUAL)).outcome()).isEqualTo(JobStatus.BLOCKED);
        JobGate.Verdict through = decide("verify", dagAlways, Map.of("release", JobStatus.BLOCKED));
        assertThat(through.outcome()).isEqualTo(JobStatus.BLOCKED);
        assertThat(through.reason()).isEqualTo("waits for 'release', which is blocked");
    }

    @Test
    void anOptionalManualJobBlocksNothingInStageOrderAndSkipsWhatNeedsIt() {
        rules.put("optional", stage(When.MANUAL));
        assertThat(decide("deploy", stage(When.ON_SUCCESS), Map.of("optional", JobStatus.MANUAL)).outcome())
                .isEqualTo(JobStatus.RUNNING);
        assertThat(decide("verify", new GitlabGate.JobRule(When.ON_SUCCESS, false, true, false),
                Map.of("optional", JobStatus.MANUAL)).outcome()).isEqualTo(JobStatus.SKIPPED);
    }

    @Test
    void delayedJobsRunLikeOnSuccessAndNothingStartsAfterACancel() {
        assertThat(decide("later", stage(When.DELAYED), Map.of("a", JobStatus.SUCCESS)).outcome())
                .isEqualTo(JobStatus.RUNNING);
        rules.put("clean", stage(When.ALWAYS));
        JobGate.Verdict v = new GitlabGate(rules).decide(new SchedulingJob("clean", "clean", List.of(), 0, false, null),
                Map.of(), true);
        assertThat(v.outcome()).isEqualTo(JobStatus.CANCELLED);
    }
}

package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunResult;
import dev.gantry.schedule.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last line of a run: succeeded, failed, or cancelled (Ctrl-C) in each format's words. */
class ConsoleReporterTest {

    private static String lastLine(boolean gitlab, JobStatus... statuses) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter reporter = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, gitlab);
        List<JobResult> jobs = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            jobs.add(new JobResult(new JobRef("j" + i, "j" + i, gitlab ? "test" : null), statuses[i], null,
                    Duration.ofSeconds(1), Map.of(), List.of(), "", null));
        }
        reporter.runFinished(new RunResult("ci.yml", jobs, List.of(), Duration.ofSeconds(2)));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void aRunStoppedByCtrlCIsCancelled() {
        assertThat(lastLine(false, JobStatus.SUCCESS, JobStatus.CANCELLED)).isEqualTo("Run cancelled in 2.0s");
        assertThat(lastLine(true, JobStatus.SUCCESS, JobStatus.CANCELLED)).isEqualTo("Run canceled in 2.0s");
    }

    @Test
    void aFailureWinsOverTheLegsFailFastCancelled() {
        assertThat(lastLine(false, JobStatus.FAILURE, JobStatus.CANCELLED)).isEqualTo("Run failed in 2.0s");
    }

    @Test
    void toleratedFailuresAndSkippedJobsSucceed() {
        assertThat(lastLine(false, JobStatus.ALLOWED_FAILURE, JobStatus.SKIPPED)).isEqualTo("Run succeeded in 2.0s");
    }
}

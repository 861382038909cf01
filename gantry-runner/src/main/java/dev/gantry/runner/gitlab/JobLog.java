package dev.gantry.runner.gitlab;

import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.RunListener;

/**
 * One job's log: every line is masked, sent to the listener under the job's name, and looked at for
 * the job's {@code coverage:}. Called from the job's own thread only.
 */
final class JobLog {

    private final RunListener listener;
    private final JobRef ref;
    private final SecretMasker masker;
    private final CoverageScan coverage;

    JobLog(RunListener listener, JobRef ref, SecretMasker masker, CoverageScan coverage) {
        this.listener = listener;
        this.ref = ref;
        this.masker = masker;
        this.coverage = coverage;
    }

    void line(String text) {
        String masked = masker.mask(text);
        coverage.line(masked);
        listener.line(ref, masked);
    }

    void warning(String text) {
        line("WARNING: " + text);
    }

    String mask(String text) {
        return text == null ? null : masker.mask(text);
    }

    JobRef ref() {
        return ref;
    }

    RunListener listener() {
        return listener;
    }
}

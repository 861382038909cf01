package dev.gantry.cli;

import dev.gantry.runner.report.Annotation;
import dev.gantry.runner.report.JobAnnotation;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import dev.gantry.runner.report.StepRef;
import dev.gantry.runner.report.StepResult;
import dev.gantry.schedule.JobStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live console output: each line prefixed with its job's name (in a colour per job on a
 * terminal), step starts and ends, and at the end a table of jobs with their result and duration,
 * the annotations and the step summaries. The GitLab layout ({@code showStage}) adds the stage and
 * coverage columns and uses GitLab's words for job statuses. Synchronized: jobs report from several threads, and a
 * line is never interleaved with another.
 */
final class ConsoleReporter implements RunListener {

    private static final String[] COLOURS = {"\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[34m", "\u001b[32m", "\u001b[96m"};
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";

    private final PrintStream out;
    private final boolean colour;
    private final boolean showStage;
    private final Map<String, String> colourOf = new HashMap<>();

    ConsoleReporter(PrintStream out, boolean colour, boolean showStage) {
        this.out = out;
        this.colour = colour;
        this.showStage = showStage;
    }

    @Override
    public synchronized void jobStarted(JobRef job) {
        out.println(prefix(job) + paint(DIM, "job started"));
    }

    @Override
    public synchronized void stepStarted(JobRef job, StepRef step) {
        out.println(prefix(job) + "> " + step.name());
    }

    @Override
    public synchronized void line(JobRef job, String text) {
        out.println(prefix(job) + "  " + text);
    }

    @Override
    public synchronized void annotation(JobRef job, Annotation a) {
        out.println(prefix(job) + paint(a.level().equals("error") ? RED : YELLOW, a.level() + ": ") + a.message());
    }

    @Override
    public synchronized void stepFinished(JobRef job, StepResult step) {
        if (step.outcome().equals("skipped")) {
            out.println(prefix(job) + paint(DIM, "- " + step.step().name() + " (skipped)"));
            return;
        }
        boolean ok = step.outcome().equals("success");
        String mark = ok ? paint(GREEN, "✓") : paint(RED, "✗");
        String detail = ok ? "" : step.exitCode() >= 0 ? ", exit " + step.exitCode() : "";
        String tolerated = !ok && step.conclusion().equals("success") ? ", continue-on-error" : "";
        out.println(prefix(job) + mark + " " + step.step().name() + paint(DIM,
                " (" + format(step.duration()) + detail + tolerated + ")"));
    }

    @Override
    public synchronized void jobFinished(JobResult job) {
        String word = word(job.status(), showStage);
        String reason = job.reason() == null ? "" : ": " + job.reason();
        out.println(prefix(job.job()) + paint(colourFor(job.status()), "job " + word) + paint(DIM, reason));
    }

    @Override
    public synchronized void runFinished(RunResult run) {
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(showStage ? new String[] {"STAGE", "JOB", "RESULT", "DURATION", "COVERAGE"}
                : new String[] {"JOB", "RESULT", "DURATION"});
        for (JobResult j : run.jobs()) {
            String duration = j.duration().isZero() ? "-" : format(j.duration());
            String result = word(j.status(), showStage)
                    + (j.reason() != null && !j.status().succeeded() ? " (" + shorten(j.reason()) + ")" : "");
            rows.add(showStage
                    ? new String[] {j.job().stage() == null ? "-" : j.job().stage(), j.job().displayName(), result,
                            duration, j.coverage() == null ? "-" : j.coverage() + "%"}
                    : new String[] {j.job().displayName(), result, duration});
        }
        Table.print(rows, out);
        if (!run.annotations().isEmpty()) {
            out.println();
            out.println("Annotations");
            for (JobAnnotation made : run.annotations()) {
                Annotation a = made.annotation();
                String where = a.file() == null ? "" : a.file() + (a.line() > 0 ? ":" + a.line() : "")
                        + (a.column() > 0 ? ":" + a.column() : "") + ": ";
                out.println("  [" + made.job().displayName() + "] " + where + a.level() + ": " + (a.title() == null ? "" : a.title() + ": ") + a.message());
            }
        }
        for (JobResult j : run.jobs()) {
            if (!j.summary().isBlank()) {
                out.println();
                out.println("Summary of " + j.job().displayName());
                j.summary().lines().forEach(l -> out.println("  " + l));
            }
        }
        out.println();
        out.println(verdict(run) + paint(DIM, " in " + format(run.duration())));
        out.flush();
    }

    /**
     * The run's conclusion as GitHub and GitLab show it: a run stopped by Ctrl-C, where no job failed
     * on its own, is cancelled rather than failed (fail-fast after a failure is still a failure); a
     * GitLab pipeline that a manual job blocks is blocked, with how to play that job.
     */
    private String verdict(RunResult run) {
        if (run.succeeded()) {
            return paint(GREEN, "Run succeeded");
        }
        if (run.blocked()) {
            List<String> jobs = run.blockedBy();
            String names = String.join(", ", jobs.stream().map(k -> "'" + k + "'").toList());
            String play = String.join(" ", jobs.stream().map(k -> "--manual '" + k + "'").toList());
            return paint(YELLOW, "Run blocked: the manual job" + (jobs.size() > 1 ? "s " : " ") + names
                    + " (allow_failure: false) " + (jobs.size() > 1 ? "were" : "was") + " not played; play "
                    + (jobs.size() > 1 ? "them" : "it") + " with " + play);
        }
        boolean failed = run.jobs().stream().anyMatch(j -> j.status() == JobStatus.FAILURE);
        return paint(RED, failed ? "Run failed" : "Run " + word(JobStatus.CANCELLED, showStage));
    }

    /** A reason short enough for a table cell; the job's log has it whole. */
    static String shorten(String reason) {
        String oneLine = reason.replace('\n', ' ');
        return oneLine.length() <= 72 ? oneLine : oneLine.substring(0, 71) + "…";
    }

    private String prefix(JobRef job) {
        String c = colourOf.computeIfAbsent(job.key(), k -> COLOURS[colourOf.size() % COLOURS.length]);
        return paint(c, "[" + job.displayName() + "]") + " ";
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String colourFor(JobStatus s) {
        return switch (s) {
            case SUCCESS -> GREEN;
            case FAILURE, CANCELLED -> RED;
            default -> YELLOW;
        };
    }

    /** GitHub's words for results, or GitLab's job statuses (passed, failed, allowed to fail, canceled, ...). */
    static String word(JobStatus s, boolean gitlab) {
        if (gitlab) {
            return switch (s) {
                case SUCCESS -> "passed";
                case FAILURE -> "failed";
                case CANCELLED -> "canceled";
                case ALLOWED_FAILURE -> "allowed to fail";
                // GitLab leaves a job behind a blocking manual job created.
                case BLOCKED -> "created";
                default -> s.name().toLowerCase(Locale.ROOT);
            };
        }
        return switch (s) {
            case ALLOWED_FAILURE -> "allowed to fail";
            default -> s.name().toLowerCase(Locale.ROOT);
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return (ms / 60_000) + "m" + ((ms / 1000) % 60) + "s";
    }
}

package dev.gantry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gantry.runner.report.Annotation;
import dev.gantry.runner.report.JobAnnotation;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunResult;
import dev.gantry.runner.report.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code --json FILE}: the machine-readable result of a run. Shape (all durations in
 * milliseconds):
 * <pre>
 * {"file": "...", "success": true, "blockedBy": [], "durationMs": 1234,
 *  "jobs": [{"key", "name", "stage", "status", "reason", "durationMs", "coverage", "outputs": {}, "summary",
 *            "steps": [{"index", "id", "name", "outcome", "conclusion", "exitCode", "durationMs", "outputs": {}}]}],
 *  "annotations": [{"level", "message", "title", "file", "line", "column"}]}
 * </pre>
 * {@code blockedBy} names the GitLab manual jobs with {@code allow_failure: false} that were not played
 * (the pipeline is blocked, and {@code success} false). Everything in it is masked already.
 */
final class JsonResultWriter {

    private JsonResultWriter() {
    }

    static void write(RunResult run, Path file) throws IOException {
        write(run, file, false);
    }

    /** With {@code gitlab}, job statuses use GitLab's words (passed, failed, allowed to fail, ...). */
    static void write(RunResult run, Path file, boolean gitlab) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", run.file());
        root.put("success", run.succeeded());
        root.put("blockedBy", run.blockedBy());
        root.put("durationMs", run.duration().toMillis());
        List<Object> jobs = new ArrayList<>();
        for (JobResult j : run.jobs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", j.job().key());
            m.put("name", j.job().displayName());
            m.put("stage", j.job().stage());
            m.put("status", ConsoleReporter.word(j.status(), gitlab));
            m.put("reason", j.reason());
            m.put("durationMs", j.duration().toMillis());
            m.put("coverage", j.coverage());
            m.put("outputs", j.outputs());
            m.put("summary", j.summary());
            List<Object> steps = new ArrayList<>();
            for (StepResult s : j.steps()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("index", s.step().index());
                sm.put("id", s.step().id());
                sm.put("name", s.step().name());
                sm.put("outcome", s.outcome());
                sm.put("conclusion", s.conclusion());
                sm.put("exitCode", s.exitCode());
                sm.put("durationMs", s.duration().toMillis());
                sm.put("outputs", s.outputs());
                steps.add(sm);
            }
            m.put("steps", steps);
            jobs.add(m);
        }
        root.put("jobs", jobs);
        List<Object> annotations = new ArrayList<>();
        for (JobAnnotation made : run.annotations()) {
            Annotation a = made.annotation();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", made.job().key());
            m.put("level", a.level());
            m.put("message", a.message());
            m.put("title", a.title());
            m.put("file", a.file());
            m.put("line", a.line());
            m.put("column", a.column());
            annotations.add(m);
        }
        root.put("annotations", annotations);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }
}

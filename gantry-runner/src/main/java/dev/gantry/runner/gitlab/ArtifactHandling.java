package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.model.Artifacts;
import dev.gantry.plan.GitlabPlannedJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's artifacts on both ends ("CI/CD YAML syntax reference#artifacts", "#dependencies",
 * "#needs:artifacts"; "Job artifacts"): before the script, the artifacts of the jobs the plan names are
 * copied into the project directory in plan order (a later job's file replaces an earlier one's) and
 * their dotenv variables collected; after the script, {@code artifacts:paths}/{@code exclude}/
 * {@code untracked} are stored when {@code artifacts:when} fits the script's outcome, and the reports
 * are read: {@code dotenv} variables for later jobs, {@code junit} test counts and failing tests for the
 * summary, {@code coverage_report} (Cobertura) named in the summary. Reports are read whatever the
 * outcome, as GitLab collects test reports of failed jobs too.
 */
final class ArtifactHandling {

    private final PipelineArtifacts store;
    private final GitlabPlannedJob job;
    private final JobLog log;

    ArtifactHandling(PipelineArtifacts store, GitlabPlannedJob job, JobLog log) {
        this.store = store;
        this.job = job;
        this.log = log;
    }

    /** Copies the artifacts the job receives into {@code projectDir}; returns their dotenv variables. */
    Map<String, String> download(Path projectDir) throws IOException {
        Map<String, String> dotenv = new LinkedHashMap<>();
        for (String key : job.artifactsFrom()) {
            PipelineArtifacts.Stored s = store.get(key);
            if (s == null) {
                continue;
            }
            if (s.files() != null) {
                log.line("Downloading artifacts for " + key + " (" + s.count() + " files)...");
                FileTrees.copyTree(s.files(), projectDir);
            }
            dotenv.putAll(s.dotenv());
        }
        return dotenv;
    }

    /** What the reports said, for the job's summary: "" when nothing. */
    record Uploaded(String summary) {
    }

    /**
     * Stores the job's artifacts and reads its reports.
     *
     * @param succeeded whether the script succeeded (before allow_failure)
     * @param initial   the files of the fresh copy, for {@code untracked}
     */
    Uploaded upload(Path projectDir, boolean succeeded, Set<String> initial, Variables variables) throws IOException {
        Artifacts a = job.job().artifacts();
        if (a == null) {
            return new Uploaded("");
        }
        String when = a.when() == null ? "on_success" : a.when();
        boolean wanted = when.equals("always") || when.equals("on_success") == succeeded;
        Path folder = null;
        int count = 0;
        if (wanted && (!a.paths().isEmpty() || a.untracked())) {
            List<String> files = PathSelection.select(projectDir, expand(a.paths(), variables),
                    expand(a.exclude(), variables), a.untracked(), initial);
            log.line("Uploading artifacts for " + (succeeded ? "successful" : "failed") + " job...");
            if (files.isEmpty()) {
                log.warning("no files match the artifacts paths " + a.paths());
            } else {
                folder = store.folderFor(job.key());
                FileTrees.copy(projectDir, files, folder);
                count = files.size();
                log.line(count + " files uploaded" + (a.expireIn() == null ? "" : ", expire_in " + a.expireIn()
                        + " (recorded; the run's artifacts go when the run ends)"));
            }
        }
        StringBuilder summary = new StringBuilder();
        Map<String, String> dotenv = reports(projectDir, a, variables, summary);
        store.put(new PipelineArtifacts.Stored(job.key(), folder, count, a.expireIn(), dotenv));
        return new Uploaded(summary.toString());
    }

    private Map<String, String> reports(Path projectDir, Artifacts a, Variables variables, StringBuilder summary)
            throws IOException {
        Map<String, String> dotenv = new LinkedHashMap<>();
        JunitReport junit = null;
        for (Map.Entry<String, List<String>> report : a.reports().entrySet()) {
            String type = report.getKey();
            List<String> files = PathSelection.select(projectDir, expand(report.getValue(), variables), List.of(),
                    false, Set.of());
            if (files.isEmpty()) {
                log.warning("reports:" + type + ": no file matches " + report.getValue());
                continue;
            }
            for (String f : files) {
                Path file = projectDir.resolve(f);
                if (type.equals("dotenv")) {
                    DotenvReport d = DotenvReport.parse(file);
                    d.problems().forEach(log::warning);
                    dotenv.putAll(d.variables());
                } else if (type.equals("junit")) {
                    try {
                        JunitReport r = JunitReport.parse(file);
                        junit = junit == null ? r : junit.plus(r);
                    } catch (IOException e) {
                        log.warning("reports:junit: " + e.getMessage());
                    }
                } else if (type.startsWith("coverage_report")) {
                    summary.append("Coverage report (").append(type.substring(type.indexOf(':') + 1)).append("): ")
                            .append(f).append(lineRate(file)).append('\n');
                }
            }
        }
        if (junit != null) {
            summary.insert(0, junitSummary(junit));
        }
        return dotenv;
    }

    /** {@code , line-rate 84.1%} from a Cobertura file's root element, or "" when it has none. */
    private static String lineRate(Path file) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<coverage[^>]*\\sline-rate=\"([0-9.]+)\"")
                .matcher(new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        if (!m.find()) {
            return "";
        }
        try {
            return String.format(java.util.Locale.ROOT, ", line-rate %.1f%%", Double.parseDouble(m.group(1)) * 100);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String junitSummary(JunitReport junit) {
        StringBuilder s = new StringBuilder("Tests: ").append(junit.summary()).append('\n');
        for (String name : junit.failing()) {
            s.append("  failed: ").append(name).append('\n');
        }
        return s.toString();
    }

    private static List<String> expand(List<String> patterns, Variables variables) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(VariableExpander.expand(p, variables, ExpansionPlace.RUNNER));
        }
        return out;
    }
}

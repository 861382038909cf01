package dev.gantry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gantry.diag.Diagnostic;
import dev.gantry.github.RunAnyway;
import dev.gantry.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gantry lint}: compiler-style diagnostics for workflows and pipelines. */
final class LintCommand implements Callable<Integer> {

    enum OutputFormat { text, json }

    private final CommandSpec spec = CommandSpecs.command(this, "lint",
            "Check GitHub Actions workflows and GitLab CI pipelines.");

    /** The model of {@code gantry lint}. */
    CommandSpec spec() {
        spec.addPositional(CommandSpecs.positional(Path.class, "0..*", "FILE", null,
                "Files to check (default: .github/workflows/* and .gitlab-ci.yml in the work dir)."));
        spec.addOption(CommandSpecs.option(Path.class, "DIR", ".", "Repository root (default: .).",
                "-C", "--workdir"));
        spec.addOption(CommandSpecs.option(OutputFormat.class, "text|json", "text",
                "Output format (default: ${DEFAULT-VALUE}).", "--format"));
        return CommandSpecs.withStandardHelp(spec);
    }

    @Override
    public Integer call() throws Exception {
        List<Path> files = CommandSpecs.positional(spec, 0);
        if (files == null) {
            files = List.of();
        }
        Path workdir = CommandSpecs.value(spec, "--workdir");
        OutputFormat format = CommandSpecs.value(spec, "--format");
        // Paths are printed relative to where the command runs, so an editor or a terminal opens them.
        Workspace ws = new Workspace(Path.of("."));
        List<Path> targets = files.isEmpty() ? ws.discover(workdir) : files.stream().map(workdir::resolve).toList();
        if (targets.isEmpty()) {
            System.err.println("gantry lint: no .github/workflows/*.yml or .gitlab-ci.yml here; name the files to check");
            return 2;
        }
        // A file that is not there is a mistake on the command line (status 2), not in a workflow (1).
        List<Path> missing = targets.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(f -> System.err.println("gantry lint: no such file: " + f.normalize()));
            return 2;
        }
        List<Diagnostic> all = new ArrayList<>();
        for (Path file : targets) {
            LoadResult r = ws.load(file);
            boolean github = r.pipeline() != null && r.pipeline().format() == dev.gantry.model.Format.GITHUB;
            for (Diagnostic d : r.diagnostics()) {
                // Still an error here, but say why `gantry run` only warns about it.
                all.add(github && d.severity() == dev.gantry.diag.Severity.ERROR && RunAnyway.accepts(d)
                        ? new Diagnostic(d.severity(), d.range(), d.message()
                                + " (GitHub runs the workflow anyway, with the reference empty; gantry run warns)", d.rule())
                        : d);
            }
            if (r.pipeline() != null && r.pipeline().format() == dev.gantry.model.Format.GITHUB && !r.hasErrors()) {
                all.addAll(callDiagnostics(ws, file, r.pipeline()));
                all.addAll(LocalActionCheck.diagnostics(ws,
                        Workspace.projectRoot(Path.of(".").toAbsolutePath().resolve(file).normalize()), r.pipeline()));
            }
        }
        // A called workflow that is linted itself too reports its problems once.
        all = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        all.sort(Diagnostic.ORDER);
        if (format == OutputFormat.json) {
            printJson(all);
        } else {
            all.forEach(d -> System.out.println(d.format()));
        }
        return all.stream().anyMatch(d -> d.severity() == dev.gantry.diag.Severity.ERROR) ? 1 : 0;
    }

    /** The checks of the reusable workflows the file calls (local ones only: lint fetches nothing). */
    private static List<Diagnostic> callDiagnostics(Workspace ws, Path file, dev.gantry.model.Pipeline workflow) {
        Path abs = Path.of(".").toAbsolutePath().resolve(file).normalize();
        Path root = Workspace.projectRoot(abs);
        String rel = root.relativize(abs).toString().replace('\\', '/');
        return ReusableWorkflowCheck.diagnostics(ReusableWorkflowCheck.resolve(workflow, root, rel, null), ws, root);
    }

    private static void printJson(List<Diagnostic> diagnostics) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.range().file());
            m.put("line", d.range().line());
            m.put("column", d.range().column());
            m.put("endLine", d.range().endLine());
            m.put("endColumn", d.range().endColumn());
            m.put("severity", d.severity().word());
            m.put("message", d.message());
            m.put("rule", d.rule());
            out.add(m);
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }
}

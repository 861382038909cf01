package dev.gantry.cli;

import static dev.gantry.cli.CommandSpecs.flag;
import static dev.gantry.cli.CommandSpecs.given;
import static dev.gantry.cli.CommandSpecs.option;
import static dev.gantry.cli.CommandSpecs.repeatable;
import static dev.gantry.cli.CommandSpecs.value;
import static dev.gantry.cli.CommandSpecs.values;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.github.OnSection;
import dev.gantry.github.RunAnyway;
import dev.gantry.load.LoadResult;
import dev.gantry.model.Format;
import dev.gantry.runner.process.SessionSpawners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gantry run}: runs a workflow file, a {@code .gitlab-ci.yml}, or every workflow under
 * {@code DIR/.github/workflows} that the event triggers. Exit status: 0 every job succeeded
 * (allowed failures count as success), 1 a job failed or was cancelled, 2 bad input or usage.
 */
final class RunCommand implements Callable<Integer> {

    private final CommandSpec spec = CommandSpecs.command(this, "run",
            "Run a GitHub Actions workflow or a GitLab CI pipeline on this machine.");

    /** The model of {@code gantry run}, in the order its help lists the options. */
    CommandSpec spec() {
        spec.usageMessage().sortOptions(false);
        spec.addPositional(CommandSpecs.positional(Path.class, "0..1", "FILE|DIR", null,
                "A workflow file, a .gitlab-ci.yml, or a folder, inside the work dir (default: the work dir)."));
        spec.addOption(option(Path.class, "DIR", ".", "Repository root (default: .).", "-C", "--workdir"));
        spec.addOption(option(String.class, "NAME", "push", "Event name (default: ${DEFAULT-VALUE}).",
                "-e", "--event"));
        spec.addOption(option(Path.class, "FILE", null, "Event payload JSON (becomes github.event).",
                "--event-file"));
        spec.addOption(repeatable("ID", "Run only this job (repeatable).", "-j", "--job"));
        spec.addOption(flag("With --job: also run what those jobs need.", "--needs"));
        spec.addOption(repeatable("NAME=VALUE",
                "GitHub: run only the matrix legs with this value (repeatable; several values of one name add up;"
                        + " NAME.PROPERTY=VALUE for values that are objects).",
                "--matrix"));
        spec.addOption(repeatable("NAME=VALUE", "A secret (repeatable).", "-s", "--secret"));
        spec.addOption(option(Path.class, "FILE", null, "Secrets in dotenv format.", "--secret-file"));
        spec.addOption(repeatable("NAME=VALUE", "GitHub vars / GitLab CI variable (repeatable).",
                "--var", "--variable"));
        spec.addOption(repeatable("NAME=VALUE",
                "workflow_dispatch input, or a GitLab pipeline input for spec:inputs (repeatable).", "-i", "--input"));
        spec.addOption(repeatable("NAME=VALUE", "Extra environment for every step (repeatable).", "--env"));
        spec.addOption(repeatable("LABEL=host|docker://IMAGE",
                "Where jobs whose runs-on labels (GitLab: tags) include LABEL run (repeatable; labels ignore case;"
                        + " a job's first label with a -P wins). host: on this machine, even for a windows or macos"
                        + " label; docker://IMAGE: in a container of IMAGE, as if the job had container: IMAGE"
                        + " (GitLab: image: IMAGE). A job's own container or image is kept; with --executor shell"
                        + " the image is ignored like image: is.",
                "-P", "--platform"));
        spec.addOption(option(String.class, "REV", null, "Run a committed revision instead of the working tree.",
                "--ref"));
        spec.addOption(option(Integer.class, "N", null, "Jobs at once (default: number of cores).",
                "--max-parallel"));
        spec.addOption(flag("Print the plan and stop.", "-n", "--dry-run"));
        spec.addOption(option(Path.class, "FILE", null, "Write the machine-readable result.", "--json"));
        spec.addOption(flag("Show ::debug:: lines.", "-v", "--verbose"));
        spec.addOption(repeatable("JOB", "GitLab: also run this manual job (repeatable).", "--manual"));
        spec.addOption(option(String.class, "shell|docker", null,
                "GitLab: how jobs execute (default: shell, and docker for jobs with an image).", "--executor"));
        spec.addOption(option(String.class, "never|missing|always", "missing",
                "When images of job containers, services and docker steps are pulled (default: missing).",
                "--pull"));
        spec.addOption(repeatable("NAME=VALUE",
                "GitLab: a file-type variable; the job sees the path of a file holding VALUE (repeatable).",
                "--file-var"));
        spec.addOption(flag("Never fetch remote actions; use the action cache only.", "--offline"));
        spec.addOption(repeatable("OWNER/REPO=PATH_OR_URL",
                "Use a local folder or another git URL for that action's repository (repeatable).",
                "--action-source"));
        spec.addOption(flag("Fetch the real actions instead of gantry's built-in ones.", "--no-builtin-actions"));
        return CommandSpecs.withStandardHelp(spec);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        Path workdir = value(spec, "--workdir");
        Path target = CommandSpecs.positional(spec, 0);
        String ref = value(spec, "--ref");
        RunSettings settings;
        try {
            settings = settings(cli);
        } catch (IOException e) {
            System.err.println("gantry run: " + e.getMessage());
            return 2;
        }
        Workspace ws = new Workspace(Path.of("."));
        // A relative FILE|DIR is inside the work dir, as for lint and list (and git -C, make -C).
        Path chosen = target == null ? workdir : workdir.resolve(target);
        List<Path> files;
        try {
            // With --ref, the pipeline files are the revision's, as GitHub and GitLab read them.
            if (Files.isDirectory(chosen)) {
                List<Path> found = ws.discover(chosen, ref);
                List<Path> github = found.stream().filter(p -> !p.getFileName().toString().endsWith("gitlab-ci.yml"))
                        .toList();
                files = github.isEmpty() ? found : github;
            } else if (ws.exists(chosen, ref)) {
                files = List.of(chosen);
            } else {
                files = null;
            }
        } catch (IOException e) {
            System.err.println("gantry run: " + e.getMessage());
            return 2;
        }
        if (files == null) {
            System.err.println("gantry run: no such file or folder: " + chosen.normalize());
            return 2;
        }
        if (files.isEmpty()) {
            System.err.println("gantry run: no .github/workflows/*.yml or .gitlab-ci.yml in " + chosen);
            return 2;
        }
        Path repository = Workspace.projectRoot(files.get(0).toAbsolutePath().normalize());
        FactsPrefetch facts = FactsPrefetch.start(repository, ref);
        List<LoadResult> loaded = new ArrayList<>();
        List<LoadResult> broken = new ArrayList<>();
        for (Path f : files) {
            LoadResult r = ws.load(f, ref, settings.inputs());
            (printDiagnostics(r) ? broken : loaded).add(r);
        }
        // Only a workflow of a folder whose on: was read can be left out: the user named a file to run it.
        boolean folder = Files.isDirectory(chosen);
        if (broken.stream().anyMatch(r -> !folder || !OnSection.readable(r.pipeline(), r.diagnostics()))) {
            return fixFirst();
        }
        if (!settings.dryRun()) {
            // As early as the step count is known, so that a long run's steps find the faster
            // spawner ready; the count ignores -j and matrices, it only weighs the set-up's cost.
            SessionSpawners.expect(loaded.stream().flatMap(r -> r.pipeline().jobs().stream())
                    .mapToInt(job -> job.steps().size()).sum());
        }
        try {
            facts.get();
        } catch (IOException e) {
            System.err.println("gantry run: " + e.getMessage());
            return 2;
        }
        WorkflowSelection selection;
        try {
            selection = WorkflowSelection.check(loaded.stream().map(LoadResult::pipeline)
                    .filter(p -> p.format() == Format.GITHUB).toList(), settings.jobs(), settings.matrix(),
                    settings.withNeeds());
        } catch (IllegalArgumentException e) {
            System.err.println("gantry run: " + e.getMessage());
            return 2;
        }
        for (LoadResult r : broken) {
            if (new GithubInvocation(settings, repository, facts, r, selection).triggered()) {
                return fixFirst();
            }
            System.err.println(r.file() + ": not triggered by '" + settings.event()
                    + "', so its errors stop only that workflow (the others run, as on GitHub)");
        }
        int status = 0;
        for (LoadResult r : loaded) {
            status = Math.max(status, r.pipeline().format() == Format.GITLAB
                    ? new GitlabInvocation(settings, repository, facts, r).run()
                    : new GithubInvocation(settings, repository, facts, r, selection).run());
        }
        return status;
    }

    /**
     * Prints a file's diagnostics that stop a run; on GitHub a workflow runs despite some lint
     * errors ({@link RunAnyway}), which are shown as warnings.
     *
     * @return whether the file has errors that stop it from running
     */
    private static boolean printDiagnostics(LoadResult r) {
        boolean errors = false;
        for (Diagnostic d : r.diagnostics()) {
            if (d.severity() != Severity.ERROR) {
                if (RunAnyway.shownByRun(d)) {
                    System.err.println(d.format());
                }
                continue;
            }
            if (r.pipeline() != null && r.pipeline().format() == Format.GITHUB && RunAnyway.accepts(d)) {
                System.err.println(new Diagnostic(Severity.WARNING, d.range(), d.message()
                        + " (GitHub runs the workflow anyway: the reference is empty)", d.rule()).format());
            } else {
                System.err.println(d.format());
                errors = true;
            }
        }
        return errors;
    }

    private static int fixFirst() {
        System.err.println("gantry run: fix the errors above first (gantry lint shows warnings too)");
        return 2;
    }

    private RunSettings settings(CommandLine cli) throws IOException {
        Map<String, String> secretValues = new LinkedHashMap<>();
        Path secretFile = value(spec, "--secret-file");
        if (secretFile != null) {
            secretValues.putAll(KeyValues.dotenv(secretFile));
        }
        secretValues.putAll(KeyValues.parse(values(spec, "--secret"), "--secret", cli));
        Integer maxParallel = value(spec, "--max-parallel");
        int parallel = maxParallel != null ? maxParallel : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new CommandLine.ParameterException(cli, "--max-parallel must be at least 1");
        }
        String executor = value(spec, "--executor");
        if (executor != null && !executor.equals("shell") && !executor.equals("docker")) {
            throw new CommandLine.ParameterException(cli, "--executor takes shell or docker, not '" + executor + "'");
        }
        String pull = value(spec, "--pull");
        dev.gantry.runner.container.PullPolicy pullPolicy = dev.gantry.runner.container.PullPolicy.parse(pull)
                .orElseThrow(() -> new CommandLine.ParameterException(cli,
                        "--pull takes never, missing or always, not '" + pull + "'"));
        return new RunSettings(value(spec, "--event"), value(spec, "--event-file"),
                new LinkedHashSet<>(values(spec, "--job")), given(spec, "--needs"), secretValues,
                KeyValues.parse(values(spec, "--var"), "--var", cli),
                KeyValues.parse(values(spec, "--input"), "--input", cli),
                KeyValues.parse(values(spec, "--env"), "--env", cli), value(spec, "--ref"), parallel,
                given(spec, "--dry-run"), value(spec, "--json"), given(spec, "--verbose"),
                new LinkedHashSet<>(values(spec, "--manual")), GitlabInvocation.executor(executor),
                KeyValues.parse(values(spec, "--file-var"), "--file-var", cli),
                new RunSettings.Actions(given(spec, "--offline"),
                        KeyValues.parse(values(spec, "--action-source"), "--action-source", cli),
                        !given(spec, "--no-builtin-actions")),
                pullPolicy, pickedLegs(cli), platforms(cli));
    }

    /** {@code -P} values; a value that is not LABEL=host or LABEL=docker://IMAGE is a usage error (exit 2). */
    private dev.gantry.runner.platform.Platforms platforms(CommandLine cli) {
        dev.gantry.runner.platform.Platforms.Parsed parsed =
                dev.gantry.runner.platform.Platforms.parse(values(spec, "-P"));
        if (!parsed.errors().isEmpty()) {
            throw new CommandLine.ParameterException(cli, String.join("\n", parsed.errors()));
        }
        return parsed.platforms();
    }

    /** {@code --matrix} values by name; {@code java=17 java=25} picks both. */
    private Map<String, java.util.Set<String>> pickedLegs(CommandLine cli) {
        Map<String, java.util.Set<String>> picked = new LinkedHashMap<>();
        for (String item : values(spec, "--matrix")) {
            KeyValues.parse(List.of(item), "--matrix", cli).forEach((name, value) ->
                    picked.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
        }
        return picked;
    }
}

package dev.gantry.cli;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.github.RunAnyway;
import dev.gantry.load.LoadResult;
import dev.gantry.model.Format;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gantry run}: runs a workflow file, a {@code .gitlab-ci.yml}, or every workflow under
 * {@code DIR/.github/workflows} that the event triggers. Exit status: 0 every job succeeded
 * (allowed failures count as success), 1 a job failed or was cancelled, 2 bad input or usage.
 */
@Command(name = "run", description = "Run a GitHub Actions workflow or a GitLab CI pipeline on this machine.",
        mixinStandardHelpOptions = true, sortOptions = false)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE|DIR",
            description = "A workflow file, a .gitlab-ci.yml, or a folder, inside the work dir (default: the work dir).")
    Path target;

    @Option(names = {"-C", "--workdir"}, paramLabel = "DIR", description = "Repository root (default: .).")
    Path workdir = Path.of(".");

    @Option(names = {"-e", "--event"}, paramLabel = "NAME", description = "Event name (default: ${DEFAULT-VALUE}).")
    String event = "push";

    @Option(names = "--event-file", paramLabel = "FILE", description = "Event payload JSON (becomes github.event).")
    Path eventFile;

    @Option(names = {"-j", "--job"}, paramLabel = "ID", description = "Run only this job (repeatable).")
    List<String> jobs = new ArrayList<>();

    @Option(names = "--needs", description = "With --job: also run what those jobs need.")
    boolean needs;

    @Option(names = "--matrix", paramLabel = "NAME=VALUE",
            description = "GitHub: run only the matrix legs with this value (repeatable; several values of one name add up).")
    List<String> matrix = new ArrayList<>();

    @Option(names = {"-s", "--secret"}, paramLabel = "NAME=VALUE", description = "A secret (repeatable).")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Secrets in dotenv format.")
    Path secretFile;

    @Option(names = {"--var", "--variable"}, paramLabel = "NAME=VALUE",
            description = "GitHub vars / GitLab CI variable (repeatable).")
    List<String> variables = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
            description = "workflow_dispatch input, or a GitLab pipeline input for spec:inputs (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Extra environment for every step (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--ref", paramLabel = "REV", description = "Run a committed revision instead of the working tree.")
    String ref;

    @Option(names = "--max-parallel", paramLabel = "N", description = "Jobs at once (default: number of cores).")
    Integer maxParallel;

    @Option(names = {"-n", "--dry-run"}, description = "Print the plan and stop.")
    boolean dryRun;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the machine-readable result.")
    Path json;

    @Option(names = {"-v", "--verbose"}, description = "Show ::debug:: lines.")
    boolean verbose;

    @Option(names = "--manual", paramLabel = "JOB", description = "GitLab: also run this manual job (repeatable).")
    List<String> manual = new ArrayList<>();

    @Option(names = "--executor", paramLabel = "shell|docker",
            description = "GitLab: how jobs execute (default: shell, and docker for jobs with an image).")
    String executor;

    @Option(names = "--pull", paramLabel = "never|missing|always",
            description = "When images of job containers, services and docker steps are pulled (default: missing).")
    String pull = "missing";

    @Option(names = "--file-var", paramLabel = "NAME=VALUE",
            description = "GitLab: a file-type variable; the job sees the path of a file holding VALUE (repeatable).")
    List<String> fileVariables = new ArrayList<>();

    @Option(names = "--offline", description = "Never fetch remote actions; use the action cache only.")
    boolean offline;

    @Option(names = "--action-source", paramLabel = "OWNER/REPO=PATH_OR_URL",
            description = "Use a local folder or another git URL for that action's repository (repeatable).")
    List<String> actionSources = new ArrayList<>();

    @Option(names = "--no-builtin-actions", description = "Fetch the real actions instead of gantry's built-in ones.")
    boolean noBuiltinActions;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
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
        boolean errors = false;
        for (Path f : files) {
            LoadResult r = ws.load(f, ref, settings.inputs());
            for (Diagnostic d : r.diagnostics()) {
                if (d.severity() != Severity.ERROR) {
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
            loaded.add(r);
        }
        if (errors) {
            System.err.println("gantry run: fix the errors above first (gantry lint shows warnings too)");
            return 2;
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
        int status = 0;
        for (LoadResult r : loaded) {
            status = Math.max(status, r.pipeline().format() == Format.GITLAB
                    ? new GitlabInvocation(settings, repository, facts, r).run()
                    : new GithubInvocation(settings, repository, facts, r, selection).run());
        }
        return status;
    }

    private RunSettings settings(CommandLine cli) throws IOException {
        Map<String, String> secretValues = new LinkedHashMap<>();
        if (secretFile != null) {
            secretValues.putAll(KeyValues.dotenv(secretFile));
        }
        secretValues.putAll(KeyValues.parse(secrets, "--secret", cli));
        int parallel = maxParallel != null ? maxParallel : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new CommandLine.ParameterException(cli, "--max-parallel must be at least 1");
        }
        if (executor != null && !executor.equals("shell") && !executor.equals("docker")) {
            throw new CommandLine.ParameterException(cli, "--executor takes shell or docker, not '" + executor + "'");
        }
        dev.gantry.runner.container.PullPolicy pullPolicy = dev.gantry.runner.container.PullPolicy.parse(pull)
                .orElseThrow(() -> new CommandLine.ParameterException(cli,
                        "--pull takes never, missing or always, not '" + pull + "'"));
        return new RunSettings(event, eventFile, new LinkedHashSet<>(jobs), needs, secretValues,
                KeyValues.parse(variables, "--var", cli), KeyValues.parse(inputs, "--input", cli),
                KeyValues.parse(env, "--env", cli), ref, parallel, dryRun, json, verbose, new LinkedHashSet<>(manual),
                GitlabInvocation.executor(executor), KeyValues.parse(fileVariables, "--file-var", cli),
                new RunSettings.Actions(offline, KeyValues.parse(actionSources, "--action-source", cli), !noBuiltinActions),
                pullPolicy, pickedLegs(cli));
    }

    /** {@code --matrix} values by name; {@code java=17 java=25} picks both. */
    private Map<String, java.util.Set<String>> pickedLegs(CommandLine cli) {
        Map<String, java.util.Set<String>> picked = new LinkedHashMap<>();
        for (String item : matrix) {
            KeyValues.parse(List.of(item), "--matrix", cli).forEach((name, value) ->
                    picked.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
        }
        return picked;
    }
}

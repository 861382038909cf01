package dev.gantry.cli;

import dev.gantry.diag.Severity;
import dev.gantry.event.RepositoryFacts;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.load.LoadResult;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.GitlabPipelineFacts;
import dev.gantry.plan.GitlabPlan;
import dev.gantry.plan.GitlabPlannedJob;
import dev.gantry.plan.GitlabPlanner;
import dev.gantry.runner.git.GitFacts;
import dev.gantry.runner.gitlab.Executor;
import dev.gantry.runner.gitlab.GitlabPipelineRun;
import dev.gantry.runner.gitlab.GitlabPredefined;
import dev.gantry.runner.gitlab.GitlabRun;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One {@code gantry run} of a {@code .gitlab-ci.yml}: reads the repository's facts, creates the
 * pipeline for the event ({@code --event} as CI_PIPELINE_SOURCE), runs it, reports. No pipeline (no
 * {@code workflow:rules} entry matched) is exit status 0 with the rules that were tried.
 */
final class GitlabInvocation {

    private final RunSettings settings;
    private final Path repository;
    private final FactsPrefetch facts;
    private final LoadResult loaded;

    GitlabInvocation(RunSettings settings, Path repository, FactsPrefetch facts, LoadResult loaded) {
        this.facts = facts;
        this.settings = settings;
        this.repository = repository;
        this.loaded = loaded;
    }

    /** @return the exit status: 0, 1 or 2 */
    int run() throws IOException, InterruptedException {
        Pipeline pipeline = loaded.pipeline();
        RepositoryFacts facts = this.facts.get();
        String file = repository.relativize(repository.resolve(loaded.file()).toAbsolutePath().normalize()).toString();
        String source = GitlabPredefined.source(settings.event());
        long pipelineId = RunIds.next();
        Instant createdAt = Instant.now();
        List<String> changed = GitlabPipelineFacts.hasPushChanges(source, facts.isTag())
                && GitlabPlanner.usesChanges(pipeline) ? changedFiles(source, facts) : null;
        GitlabPipelineFacts pipelineFacts = new GitlabPipelineFacts(
                GitlabPredefined.onlyExceptContext(facts, source, changed),
                GitlabPredefined.forRules(facts, source, pipelineId, createdAt, file, pipeline.name(), repository),
                Variables.of(settings.variables()), () -> repositoryFiles(repository), changesSince(facts));
        if (pipeline.details() instanceof GitlabPipeline details && !details.includeRules().isEmpty()) {
            pipeline = withIncludesOfThisRun(pipelineFacts);
            if (pipeline == null) {
                return 2;
            }
        }
        GitlabPlan plan = GitlabPlanner.plan(pipeline, pipelineFacts, settings.jobs(), settings.withNeeds());
        switch (plan) {
            case GitlabPlan.NoPipeline none -> {
                System.out.println(loaded.file() + ": no pipeline for " + source + " on '" + facts.refName()
                        + "': no workflow:rules entry matched. Tried:");
                none.tried().forEach(t -> System.out.println("  " + t));
                return 0;
            }
            case GitlabPlan.Refused refused -> {
                System.err.println("gantry run: " + loaded.file() + ": " + refused.message());
                return 2;
            }
            case GitlabPlan.Created created -> {
                return run(created, pipeline, file, facts, source, pipelineId, createdAt);
            }
        }
    }

    /**
     * The files {@code changes} tests ("CI/CD YAML syntax reference#rules:changes"): a merge request
     * pipeline's are the merge request's, against its target branch (the default branch here); a
     * branch pipeline's are the pushed commit's ({@code git diff HEAD~}), except on the first push of
     * a branch (the remote {@code origin} does not have it yet), which has nothing to compare with:
     * null, so that {@code changes} is true ("Specify when jobs run with rules#Jobs or pipelines run
     * unexpectedly when using changes"). A merge request from the default branch itself has no target
     * to compare with and falls back to the commit's.
     */
    private List<String> changedFiles(String source, RepositoryFacts facts) throws IOException {
        if (source.equals("push") && facts.newOnOrigin()) {
            return null;
        }
        if (source.equals("merge_request_event")) {
            Optional<List<String>> mergeRequest = GitFacts.changedForMergeRequest(repository, facts.defaultBranch(),
                    facts.sha());
            if (mergeRequest.isPresent()) {
                return mergeRequest.get();
            }
        }
        return GitFacts.changedFiles(repository, null, facts.sha());
    }

    /**
     * The configuration read again with only the {@code include} entries whose rules match this run
     * ("Use rules with include": the others contribute nothing, not even templates or variables, and
     * need not exist); null after printing the errors that GitLab would refuse the pipeline for.
     */
    private Pipeline withIncludesOfThisRun(GitlabPipelineFacts pipelineFacts) throws IOException {
        LoadResult reread = new Workspace(Path.of(".")).load(Path.of(loaded.file()), settings.ref(), settings.inputs(),
                GitlabPlanner.includeFilter(pipelineFacts));
        if (reread.hasErrors() || reread.pipeline() == null) {
            reread.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .forEach(d -> System.err.println(d.format()));
            System.err.println("gantry run: the files this pipeline includes have errors");
            return null;
        }
        return reread.pipeline();
    }

    private int run(GitlabPlan.Created created, Pipeline pipeline, String file, RepositoryFacts facts, String source,
                    long pipelineId, Instant createdAt) throws IOException, InterruptedException {
        if (!settings.matrix().isEmpty()) {
            System.err.println("gantry run: --matrix picks legs of a GitHub matrix; for GitLab name a"
                    + " parallel:matrix job with -j 'JOB: [VALUE, ...]'");
            return 2;
        }
        if (created.jobs().isEmpty()) {
            // GitLab creates no pipeline then ("No stages / jobs for this pipeline").
            System.out.println(loaded.file() + ": no pipeline for " + source + " on '" + facts.refName()
                    + "': the rules, only or except of every job leave it out");
            return 0;
        }
        for (String manual : settings.manual()) {
            if (created.jobs().stream().noneMatch(j -> j.key().equals(manual) || j.job().id().equals(manual))) {
                System.err.println("gantry run: --manual " + manual + ": no such job in this pipeline");
                return 2;
            }
        }
        if (settings.dryRun()) {
            printPlan(created.jobs());
            return 0;
        }
        return RunSupport.inRunFolder((runDir, ctrlC) -> {
            GitlabRun run = GitlabRun.of(pipeline, file, facts, source, pipelineId, createdAt, settings.secrets(),
                    settings.fileVariables(), settings.variables(), System.getenv(), settings.env(), repository,
                    settings.ref(), runDir, settings.manual(), settings.executor(), System.console() != null,
                    RunSupport.cacheStore(), new dev.gantry.runner.container.ContainerSupport(
                            dev.gantry.runner.container.DockerContainerRuntime::fromSystemEnvironment,
                            settings.pullPolicy()), this.facts.workspaces());
            RunListener console = new ConsoleReporter(System.out, System.console() != null, true);
            GitlabPipelineRun execution = new GitlabPipelineRun(run, console, settings.platforms());
            ctrlC.cancels(execution::cancel);
            RunResult result = execution.execute(created.jobs(), settings.maxParallel());
            if (settings.json() != null) {
                JsonResultWriter.write(result, settings.json(), true);
            }
            return result.succeeded() ? 0 : 1;
        });
    }

    private void printPlan(List<GitlabPlannedJob> jobs) {
        System.out.println(loaded.file() + (loaded.pipeline().name() != null ? "  (" + loaded.pipeline().name() + ")" : "")
                + "  source: " + GitlabPredefined.source(settings.event()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STAGE", "JOB", "WHEN", "NEEDS", "RUNS ON"});
        for (GitlabPlannedJob j : jobs) {
            String needs = !j.dag() ? "(earlier stages)" : j.planned().needs().isEmpty() ? "-"
                    : String.join(", ", j.planned().needs());
            String when = j.when().keyword() + (j.planned().startIn() == null ? ""
                    : " " + j.planned().startIn().toString().substring(2).toLowerCase(Locale.ROOT));
            rows.add(new String[] {j.job().stage(), j.key(), when, needs, dev.gantry.runner.gitlab.TagPlacement.describe(j,
                    settings.variables(), settings.executor(), settings.platforms())});
        }
        Table.print(rows, System.out);
    }

    /** The repository's files for {@code rules:exists}: what the working tree holds, without {@code .git}. */
    /** Changed files per {@code compare_to} ref, each computed once; null (unknown) when git cannot tell. */
    private Function<String, Optional<List<String>>> changesSince(RepositoryFacts facts) {
        Map<String, Optional<List<String>>> computed = new HashMap<>();
        return ref -> {
            if (!computed.containsKey(ref)) {
                try {
                    computed.put(ref, GitFacts.changedSince(repository, ref, facts.sha()));
                } catch (IOException e) {
                    computed.put(ref, null);
                }
            }
            return computed.get(ref);
        };
    }

    private static List<String> repositoryFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code --executor}: picocli converts the option's text with this. */
    static Executor executor(String text) {
        return text == null ? Executor.AUTO : Executor.valueOf(text.toUpperCase(Locale.ROOT));
    }
}

package dev.gantry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.diag.Diagnostic;
import dev.gantry.event.GithubEventPayload;
import dev.gantry.event.RepositoryFacts;
import dev.gantry.expr.github.WorkflowInputs;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.match.EventFilter;
import dev.gantry.match.FilterDecision;
import dev.gantry.match.TriggerEvent;
import dev.gantry.model.Condition;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.PlannedJob;
import dev.gantry.reusable.CallTree;
import dev.gantry.reusable.WorkflowRef;
import dev.gantry.runner.actions.ActionSettings;
import dev.gantry.runner.actions.BuiltinActions;
import dev.gantry.runner.actions.RunServices;
import dev.gantry.runner.actions.StandardActions;
import dev.gantry.runner.actions.remote.ActionRepositories;
import dev.gantry.runner.container.ContainerSupport;
import dev.gantry.runner.container.DockerContainerRuntime;
import dev.gantry.runner.git.GitFacts;
import dev.gantry.runner.git.RevisionFiles;
import dev.gantry.runner.github.GithubRun;
import dev.gantry.runner.github.GithubWorkflowRun;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code gantry run} of one GitHub workflow: builds the event and its payload from the local
 * repository, checks that the workflow's {@code on:} takes the event, plans, runs, reports.
 */
final class GithubInvocation {

    private final RunSettings settings;
    private final Path repository;
    private final FactsPrefetch facts;
    private final LoadResult loaded;
    private final WorkflowSelection selection;

    GithubInvocation(RunSettings settings, Path repository, FactsPrefetch facts, LoadResult loaded,
                     WorkflowSelection selection) {
        this.selection = selection;
        this.facts = facts;
        this.settings = settings;
        this.repository = repository;
        this.loaded = loaded;
    }

    /** @return the exit status: 0, 1 or 2 */
    int run() throws IOException, InterruptedException {
        Pipeline workflow = loaded.pipeline();
        if (!selection.runs(workflow)) {
            System.out.println(loaded.file() + ": not run: it has none of the jobs named with -j");
            return 0;
        }
        RepositoryFacts facts = this.facts.get();
        String file = repository.relativize(repository.resolve(loaded.file()).toAbsolutePath().normalize()).toString();

        EventTrigger trigger = trigger();
        Map<String, Object> inputs = Map.of();
        Map<String, String> eventInputs = Map.of();
        if (settings.event().equals("workflow_dispatch") && trigger != null) {
            WorkflowInputs wi = WorkflowInputs.forDispatch(trigger.inputs(), settings.inputs(), trigger.range());
            List<Diagnostic> errors = wi.diagnostics();
            if (!errors.isEmpty()) {
                errors.forEach(d -> System.err.println(d.format()));
                return 2;
            }
            inputs = wi.inputs();
            Map<String, String> strings = new LinkedHashMap<>();
            wi.eventInputs().forEach((k, v) -> strings.put(k, String.valueOf(v)));
            eventInputs = strings;
        } else if (!settings.inputs().isEmpty()) {
            System.err.println("gantry run: --input is for workflow_dispatch events (use -e workflow_dispatch)");
            return 2;
        }
        String cron = cron(trigger);
        Map<String, Object> payload = payload(facts, eventInputs, cron);
        FilterDecision decision = EventFilter.compile(workflow.triggers().events())
                .decide(triggerEvent(facts, payload, cron));
        if (!decision.passes()) {
            // A user who named a workflow_dispatch-only file and forgot -e learns which event to ask for.
            String hint = trigger != null || workflow.triggers().events().isEmpty() ? ""
                    : " (it runs on " + workflow.triggers().events().stream().map(EventTrigger::event)
                            .distinct().collect(Collectors.joining(", ")) + "; choose one with -e)";
            System.out.println(loaded.file() + ": not run for '" + settings.event() + "': " + decision.reason() + hint);
            return 0;
        }
        List<PlannedJob> plan;
        try {
            plan = selection.plan(workflow);
        } catch (IllegalArgumentException e) {
            System.err.println("gantry run: " + e.getMessage());
            return 2;
        }
        ActionSettings actionSettings = ActionSettings.from(System.getenv(), System.getProperties());
        ActionRepositories repositories = ActionRepositories.of(actionSettings, settings.actions().offline(),
                settings.actions().sources());
        CallTree calls = ReusableWorkflowCheck.resolve(workflow, settings.ref() == null
                        ? new DirectorySourceFiles(repository)
                        : RevisionFiles.of(repository, settings.ref()).orElseThrow(() -> new IOException(
                                "no commit '" + settings.ref() + "' in " + repository)),
                file, ReusableWorkflowCheck.fetchedBy(repositories));
        if (calls.hasErrors()) {
            ReusableWorkflowCheck.diagnostics(calls, new Workspace(Path.of(".")), repository)
                    .forEach(d -> System.err.println(d.format()));
            return 2;
        }
        if (settings.dryRun()) {
            printPlan(calls.withCalledJobs(plan, WorkflowRef.local(file)));
            return 0;
        }
        Map<String, Object> workflowInputs = inputs;
        return RunSupport.inRunFolder((runDir, ctrlC) -> {
            Path toolCache = Path.of(System.getProperty("user.home"), ".cache", "gantry", "toolcache");
            GithubRun run = GithubRun.of(workflow, file, facts, settings.event(), payload, settings.secrets(),
                    settings.variables(), workflowInputs, System.getenv(), settings.env(), repository, settings.ref(),
                    runDir, toolCache, RunIds.next(), settings.verbose(),
                    settings.actions().builtins() ? StandardActions.registry() : new BuiltinActions(),
                    repositories,
                    RunServices.forRun(actionSettings, runDir, java.time.Clock.systemUTC()),
                    new ContainerSupport(DockerContainerRuntime::fromSystemEnvironment, settings.pullPolicy()),
                    this.facts.workspaces());
            RunListener console = new ConsoleReporter(System.out, System.console() != null, false);
            GithubWorkflowRun execution = new GithubWorkflowRun(run, console, calls, settings.platforms());
            ctrlC.cancels(execution::cancel);
            RunResult result = execution.execute(plan, settings.maxParallel());
            if (settings.json() != null) {
                JsonResultWriter.write(result, settings.json());
            }
            return result.succeeded() ? 0 : 1;
        });
    }

    /**
     * Whether the event triggers the workflow, its filters included, for a workflow with errors that
     * is not run: {@code workflow_dispatch} inputs are not checked, the other workflows' run goes on.
     */
    boolean triggered() throws IOException {
        RepositoryFacts facts = this.facts.get();
        String cron = cron(trigger());
        return EventFilter.compile(loaded.pipeline().triggers().events())
                .decide(triggerEvent(facts, payload(facts, Map.of(), cron), cron)).passes();
    }

    /** The workflow's {@code on:} entry for the event, or null. */
    private EventTrigger trigger() {
        return loaded.pipeline().triggers().events().stream()
                .filter(t -> t.event().equals(settings.event())).findFirst().orElse(null);
    }

    private static String cron(EventTrigger trigger) {
        return trigger != null && !trigger.crons().isEmpty() ? trigger.crons().get(0) : null;
    }

    private Map<String, Object> payload(RepositoryFacts facts, Map<String, String> eventInputs, String cron)
            throws IOException {
        return settings.eventFile() != null ? readPayload(settings.eventFile())
                : GithubEventPayload.build(settings.event(), facts, null, null, eventInputs, cron);
    }

    /**
     * Whether the workflow's trigger for this event filters on {@code paths} or {@code paths-ignore}:
     * only then are the changed files needed (a diff of the commit, tens of milliseconds at start-up).
     */
    private boolean filtersPaths() {
        return loaded.pipeline().triggers().events().stream().filter(t -> t.event().equals(settings.event()))
                .anyMatch(t -> t.filters().containsKey("paths") || t.filters().containsKey("paths-ignore"));
    }

    private TriggerEvent triggerEvent(RepositoryFacts facts, Map<String, Object> payload, String cron)
            throws IOException {
        return switch (settings.event()) {
            case "push" -> {
                String before = payload.get("before") instanceof String b ? b : null;
                String after = payload.get("after") instanceof String a ? a : facts.sha();
                String ref = payload.get("ref") instanceof String r ? r : facts.ref();
                yield TriggerEvent.push(ref, filtersPaths() ? GitFacts.changedFiles(repository, before, after) : List.of());
            }
            case "pull_request", "pull_request_target" -> {
                String base = facts.defaultBranch();
                String action = payload.get("action") instanceof String a ? a : "opened";
                if (payload.get("pull_request") instanceof Map<?, ?> pr && pr.get("base") instanceof Map<?, ?> b
                        && b.get("ref") instanceof String r) {
                    base = r;
                }
                List<String> changed = filtersPaths() ? GitFacts.changedFiles(repository, null, facts.sha()) : List.of();
                yield new TriggerEvent(settings.event(), null, base, action, changed, null);
            }
            case "schedule" -> new TriggerEvent("schedule", null, null, null, null, cron);
            default -> TriggerEvent.named(settings.event());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readPayload(Path file) throws IOException {
        Object json = new ObjectMapper().readValue(file.toFile(), Object.class);
        if (!(json instanceof Map<?, ?>)) {
            throw new IOException(file + ": the event payload must be a JSON object");
        }
        return (Map<String, Object>) json;
    }

    private void printPlan(List<PlannedJob> plan) {
        System.out.println(loaded.file() + (loaded.pipeline().name() != null ? "  (" + loaded.pipeline().name() + ")" : "")
                + "  event: " + settings.event());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "NEEDS", "IF", "MATRIX", "RUNS ON"});
        for (PlannedJob p : plan) {
            // One line per job: a long condition is shortened (`gantry list` and the file have it whole).
            String condition = p.job().condition() instanceof Condition.Expression e
                    ? shortened(e.expression().replaceAll("\\s+", " ").strip(), 60) : "-";
            String matrix = p.matrixPending() ? "decided at run time" : p.matrix().isEmpty() ? "-" : p.matrixText();
            rows.add(new String[] {p.displayName(), p.needs().isEmpty() ? "-" : String.join(",", p.needs()), condition,
                    matrix, dev.gantry.runner.github.JobPlacement.describe(p, settings.platforms())});
        }
        Table.print(rows, System.out);
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

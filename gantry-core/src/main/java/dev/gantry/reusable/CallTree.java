package dev.gantry.reusable;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import dev.gantry.github.GithubFrontEnd;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Input;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.CallScope;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.plan.PlannedJob;
import dev.gantry.yaml.YamlLoader;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every reusable workflow a workflow calls, directly or through other called workflows, read and
 * checked before anything runs ("Reuse workflows"; "Reusing workflow configurations#Limitations of
 * reusable workflows"). {@code uses} cannot hold an expression, so the whole tree is known up
 * front; only the values of inputs and secrets wait for run time.
 *
 * <p>Each call is checked at the caller's YAML: the file can be read and parses without errors;
 * its {@code on} includes {@code workflow_call}; every {@code with} key is an input it defines and
 * every written (non-expression) value fits the input's type; every required input is given;
 * unless {@code secrets: inherit}, every passed secret is one it defines and every required secret
 * is passed; the chain of calls has no loop ("Loops in the workflow tree are not permitted") and at
 * most {@value #MAX_LEVELS} levels of workflows, the caller included ("Nesting reusable workflows":
 * the top-level caller and up to nine levels of reusable workflows).
 */
public final class CallTree {

    /** Levels of workflows GitHub connects: the top-level caller and nine levels of reusable workflows. */
    public static final int MAX_LEVELS = 10;

    static final String UNREADABLE = "called-workflow-unavailable";
    static final String NOT_REUSABLE = "not-reusable-workflow";
    static final String CYCLE = "workflow-call-cycle";
    static final String TOO_DEEP = "workflow-call-depth";
    static final String UNKNOWN_INPUT = "unknown-input";
    static final String MISSING_INPUT = "missing-input";
    static final String INVALID_INPUT = "invalid-input";
    static final String UNKNOWN_SECRET = "unknown-secret";
    static final String MISSING_SECRET = "missing-secret";

    /** One caller job: the workflow that holds it and its id. */
    private record Site(WorkflowRef workflow, String jobId) {
    }

    /** A workflow file read and parsed: its root mapping, its model and what parsing reported. */
    private record Loaded(WorkflowRef ref, YamlMap root, Pipeline workflow, List<Diagnostic> diagnostics) {
    }

    private final Map<Site, CalledWorkflow> calls;
    private final List<Diagnostic> diagnostics;

    private CallTree(Map<Site, CalledWorkflow> calls, List<Diagnostic> diagnostics) {
        this.calls = Map.copyOf(calls);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A tree without calls, for a run whose workflow calls nothing. */
    public static CallTree empty() {
        return new CallTree(Map.of(), List.of());
    }

    /**
     * Reads and checks every call under {@code top}. Never throws on bad input: every problem is a
     * diagnostic. The top workflow's own syntax problems are not repeated here (loading it reported them).
     *
     * @param top    the workflow the run starts with
     * @param source where workflow files come from
     */
    public static CallTree resolve(WorkflowRef top, WorkflowSource source) {
        Resolver resolver = new Resolver(source);
        Loaded root = resolver.load(top, null);
        if (root != null) {
            resolver.visit(root, List.of(top));
        }
        return new CallTree(resolver.calls, List.copyOf(resolver.diagnostics));
    }

    /** The workflow that job {@code jobId} of {@code caller} calls, when it was read without errors. */
    public Optional<CalledWorkflow> called(WorkflowRef caller, String jobId) {
        return Optional.ofNullable(calls.get(new Site(caller, jobId)));
    }

    /**
     * The plan as far as it is known before the run, for {@code --dry-run}: each caller leg followed
     * by the jobs it calls (recursively). A caller whose matrix is an expression stands alone; its
     * legs and their calls are decided at run time.
     *
     * @param plan the planned jobs of {@code top}
     */
    public List<PlannedJob> withCalledJobs(List<PlannedJob> plan, WorkflowRef top) {
        List<PlannedJob> out = new ArrayList<>();
        for (PlannedJob job : plan) {
            out.add(job);
            if (!job.calls() || job.matrixPending()) {
                continue;
            }
            called(top, job.job().id()).ifPresent(c -> {
                try {
                    CallScope scope = new CallScope(job.key(), job.displayName());
                    out.addAll(withCalledJobs(GithubPlanner.called(scope, c.workflow()).stream()
                            .map(p -> CalledJobNames.named(p, scope, job, c)).toList(), c.ref()));
                } catch (IllegalArgumentException e) {
                    // a matrix too large: the run reports it when the caller starts
                }
            });
        }
        return out;
    }

    /** Every problem found, in print order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** One walk over the tree; memoises files so that a workflow called twice is read once. */
    private static final class Resolver {
        private final WorkflowSource source;
        private final Map<WorkflowRef, Optional<Loaded>> files = new HashMap<>();
        private final Map<Site, CalledWorkflow> calls = new LinkedHashMap<>();
        /** A set: a workflow reached along two paths reports its problems once. */
        private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

        Resolver(WorkflowSource source) {
            this.source = source;
        }

        void visit(Loaded caller, List<WorkflowRef> chain) {
            if (!(caller.root().get("jobs") instanceof YamlMap jobs)) {
                return;
            }
            for (YamlMap.Entry job : jobs.entries()) {
                if (job.value() instanceof YamlMap map && map.get("uses") instanceof YamlScalar uses) {
                    call(caller, job.name(), map, uses, chain);
                }
            }
        }

        private void call(Loaded caller, String jobId, YamlMap job, YamlScalar uses, List<WorkflowRef> chain) {
            Optional<WorkflowRef> parsed = WorkflowRef.parse(uses.value(), caller.ref());
            if (parsed.isEmpty()) {
                return; // the front end reported the malformed value
            }
            WorkflowRef ref = parsed.get();
            if (chain.contains(ref)) {
                List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(ref), chain.size()).stream()
                        .map(WorkflowRef::display).toList());
                loop.add(ref.display());
                error(uses.range(), CYCLE, "job '" + jobId + "' calls '" + ref.display()
                        + "', which is already being called: " + String.join(" -> ", loop)
                        + "; loops in the workflow tree are not permitted");
                return;
            }
            if (chain.size() >= MAX_LEVELS) {
                error(uses.range(), TOO_DEEP, "job '" + jobId + "' calls '" + ref.display() + "' at level "
                        + (chain.size() + 1) + "; GitHub connects at most " + MAX_LEVELS
                        + " levels of workflows (the caller and nine levels of reusable workflows)");
                return;
            }
            Loaded called = load(ref, uses);
            if (called == null) {
                return;
            }
            EventTrigger trigger = CalledWorkflow.callTrigger(called.workflow());
            if (trigger == null) {
                error(uses.range(), NOT_REUSABLE, "job '" + jobId + "' calls '" + ref.display()
                        + "', which is not a reusable workflow: its 'on' has no 'workflow_call'");
                return;
            }
            calls.put(new Site(caller.ref(), jobId), new CalledWorkflow(ref, called.workflow()));
            checkInputs(jobId, job, uses, ref, trigger.inputs());
            checkSecrets(jobId, job, uses, ref, called.workflow());
            List<WorkflowRef> deeper = new ArrayList<>(chain);
            deeper.add(ref);
            visit(called, deeper);
        }

        private void checkInputs(String jobId, YamlMap job, YamlScalar uses, WorkflowRef ref, List<Input> inputs) {
            Map<String, Input> byName = new LinkedHashMap<>();
            inputs.forEach(i -> byName.put(i.name(), i));
            YamlMap with = job.get("with") instanceof YamlMap m ? m : null;
            if (with != null) {
                for (YamlMap.Entry e : with.entries()) {
                    Input input = byName.get(e.name());
                    if (input == null) {
                        error(e.key().range(), UNKNOWN_INPUT, "'" + ref.display() + "' has no input '" + e.name() + "'"
                                + names(" its inputs: ", byName.keySet()));
                    } else if (e.value() instanceof YamlScalar value && !value.isNull() && !value.value().contains("${{")) {
                        CallInputs.Typed typed = CallInputs.typed(input, value.value(), true);
                        if (!typed.ok()) {
                            error(value.range(), INVALID_INPUT, typed.problem() + " (in the call of '" + ref.display() + "')");
                        }
                    }
                }
            }
            for (Input input : inputs) {
                if (input.required() && (with == null || !with.has(input.name()))) {
                    error(uses.range(), MISSING_INPUT, "job '" + jobId + "' does not give the required input '"
                            + input.name() + "' of '" + ref.display() + "'; add it under 'with'");
                }
            }
        }

        private void checkSecrets(String jobId, YamlMap job, YamlScalar uses, WorkflowRef ref, Pipeline called) {
            if (job.get("secrets") instanceof YamlScalar s && "inherit".equals(s.value())) {
                return; // which secrets exist is known only at run time
            }
            Map<String, Boolean> declared = called.details() instanceof GithubWorkflow g ? g.callSecrets() : Map.of();
            YamlMap passed = job.get("secrets") instanceof YamlMap m ? m : null;
            if (passed != null) {
                for (YamlMap.Entry e : passed.entries()) {
                    if (!declared.containsKey(e.name())) {
                        error(e.key().range(), UNKNOWN_SECRET, "'" + ref.display() + "' has no secret '" + e.name() + "'"
                                + names(" its secrets: ", declared.keySet()));
                    }
                }
            }
            declared.forEach((name, required) -> {
                if (required && (passed == null || !passed.has(name))) {
                    error(uses.range(), MISSING_SECRET, "job '" + jobId + "' does not pass the required secret '"
                            + name + "' of '" + ref.display() + "'; add it under 'secrets' or use 'secrets: inherit'");
                }
            });
        }

        private static String names(String lead, Set<String> names) {
            return names.isEmpty() ? "; it defines none" : ";" + lead + String.join(", ", names);
        }

        /**
         * Reads and parses a workflow once; reports why when it cannot be used.
         *
         * @param uses the caller's {@code uses}, where problems are reported; null for the top workflow
         * @return the file, or null when it is unavailable, not checked, or has errors
         */
        Loaded load(WorkflowRef ref, YamlScalar uses) {
            Optional<Loaded> known = files.get(ref);
            if (known == null) {
                known = Optional.ofNullable(read(ref, uses));
                files.put(ref, known);
                if (uses != null) {
                    known.ifPresent(l -> diagnostics.addAll(l.diagnostics()));
                }
            }
            Loaded loaded = known.orElse(null);
            if (loaded != null && uses != null && loaded.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
                error(uses.range(), UNREADABLE, "'" + ref.display() + "' has errors (reported at the file)");
                return null;
            }
            return loaded;
        }

        private Loaded read(WorkflowRef ref, YamlScalar uses) {
            Optional<String> text;
            try {
                text = source.read(ref);
            } catch (WorkflowSource.Unavailable e) {
                if (uses != null) {
                    error(uses.range(), UNREADABLE, "cannot read the reusable workflow '" + ref.display() + "': "
                            + e.getMessage());
                }
                return null;
            }
            if (text.isEmpty()) {
                return null;
            }
            Diagnostics found = new Diagnostics();
            Optional<YamlNode> root = YamlLoader.load(ref.display(), text.get(), found);
            Pipeline workflow = root.map(r -> GithubFrontEnd.parse(ref.display(), r, found)).orElse(null);
            if (workflow == null || !(root.get() instanceof YamlMap map)) {
                if (!found.hasErrors()) {
                    found.error(SourceRange.startOf(ref.display()), UNREADABLE, "the file is empty");
                }
                return uses == null ? null : new Loaded(ref, YamlMap.of(List.of(), null, SourceRange.startOf(ref.display())),
                        null, found.sorted());
            }
            return new Loaded(ref, map, workflow, found.sorted());
        }

        private void error(SourceRange range, String rule, String message) {
            diagnostics.add(new Diagnostic(Severity.ERROR, range, message, rule));
        }
    }
}

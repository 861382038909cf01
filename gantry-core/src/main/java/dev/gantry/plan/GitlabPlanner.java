package dev.gantry.plan;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.VariableExpression;
import dev.gantry.expr.gitlab.VariableLayer;
import dev.gantry.expr.gitlab.VariableScope;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.gitlab.Durations;
import dev.gantry.gitlab.IncludeFilter;
import dev.gantry.match.FilterDecision;
import dev.gantry.match.GitlabGlob;
import dev.gantry.match.OnlyExceptPolicy;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Rule;
import dev.gantry.model.When;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates a GitLab pipeline: which jobs exist, with what {@code when}, variables and edges. Follows
 * "CI/CD YAML syntax reference" (docs.gitlab.com: "#workflow:rules", "#rules", "#rules:variables",
 * "#rules:needs", "#when", "#allow_failure", "#needs", "#needs:optional", "#needs:artifacts",
 * "#dependencies", "#parallel", "#parallel:matrix", "#inherit:variables", "#stages") and "Specify when
 * jobs run with rules":
 *
 * <ul>
 *   <li>{@code workflow:rules}: the first rule that matches decides; {@code when: never} or no match
 *       means no pipeline; the matching rule's {@code variables} override the global ones for every
 *       job.</li>
 *   <li>A job with {@code rules} is created by the first rule that matches, which may set {@code when},
 *       {@code allow_failure}, {@code variables}, {@code needs} and {@code start_in}; without a match, or
 *       with {@code when: never}, it is not created. A job without {@code rules} follows
 *       {@code only}/{@code except} ({@link OnlyExceptPolicy}). {@code when: manual} from a rule makes
 *       {@code allow_failure} default to false.</li>
 *   <li>{@code parallel: N} makes jobs named {@code job 1/N} ... {@code job N/N}; {@code parallel:matrix}
 *       makes one job per cell, named {@code job: [v1, v2]} with the values in axis order, each with its
 *       values as variables. Rules are evaluated for each of them.</li>
 *   <li>Predecessors: with {@code needs}, the needed jobs (a base name stands for all its parallel jobs;
 *       an optional need of a job that was not created is dropped; {@code needs: []} has none);
 *       without, every job of every earlier stage ({@code .pre} first, {@code .post} last).</li>
 *   <li>Artifacts: with {@code needs}, the needed jobs' unless {@code artifacts: false}; else every
 *       job of the earlier stages; {@code dependencies} keeps only the jobs it names from those (none
 *       for {@code []}), so a same-stage job it names but does not need gives nothing, as in GitLab's
 *       build dependencies.</li>
 *   <li>Files included under {@code include:rules} contribute their jobs only when their rules match
 *       ({@link #includeFilter}, which sees no YAML variables).</li>
 * </ul>
 *
 * <p>Rules see the predefined variables, the global and workflow variables, the job's own (with its
 * matrix values) and the pipeline variables, expanded as GitLab expands them before evaluating.
 * {@code changes} tests the facts' changed files, or with {@code compare_to} those since that ref. Pure; never throws.
 */
public final class GitlabPlanner {

    private final Pipeline pipeline;
    private final GitlabPipelineFacts facts;
    private List<String> files;

    /**
     * Why GitLab would refuse to create the pipeline, found while rules were checked: a
     * {@code compare_to} that names no commit ("Unable to create pipeline: ... is not a valid ref").
     */
    private String refusal;

    private GitlabPlanner(Pipeline pipeline, GitlabPipelineFacts facts) {
        this.pipeline = pipeline;
        this.facts = facts;
    }

    /**
     * Whether any rule (workflow or job) or {@code only}/{@code except} of the pipeline tests
     * changed files: when none does, the caller need not compute them (a diff of the commit, tens
     * of milliseconds at start-up).
     */
    public static boolean usesChanges(Pipeline pipeline) {
        if (pipeline.triggers().rules().stream().anyMatch(r -> r.changes() != null)) {
            return true;
        }
        if (pipeline.details() instanceof GitlabPipeline details && details.includeRules().values().stream()
                .anyMatch(rules -> rules.stream().anyMatch(r -> r.changes() != null))) {
            return true;
        }
        for (Job job : pipeline.jobs()) {
            if (job.condition() instanceof Condition.Rules c
                    && ((c.rules() != null && c.rules().stream().anyMatch(r -> r.changes() != null))
                    || (c.only() != null && !c.only().changes().isEmpty())
                    || (c.except() != null && !c.except().changes().isEmpty()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param pipeline  a GitLab pipeline without errors
     * @param facts     the event, ref and variables the pipeline is created for
     * @param only      job names (or parallel job names) to run; empty for all
     * @param withNeeds with {@code only}: also run their predecessors, transitively; without it, edges
     *                  to jobs that are not run are dropped
     */
    public static GitlabPlan plan(Pipeline pipeline, GitlabPipelineFacts facts, Set<String> only, boolean withNeeds) {
        return new GitlabPlanner(pipeline, facts).plan(only, withNeeds);
    }

    /** One created job before its edges are resolved. */
    private record Created(Job job, String key, Map<String, Object> cell, int index, int total, When when,
                           AllowFailure allowFailure, Variables variables, List<Need> needs, Duration startIn) {
    }

    private GitlabPlan plan(Set<String> only, boolean withNeeds) {
        Variables globals = Variables.fromModel(pipeline.variables());
        Variables workflowVariables = Variables.empty();
        List<Rule> workflowRules = pipeline.triggers().rules();
        if (!workflowRules.isEmpty()) {
            Variables visible = resolved(Map.of(VariableLayer.PREDEFINED, facts.predefined(),
                    VariableLayer.PIPELINE_YAML, globals, VariableLayer.PIPELINE_RUN, facts.runVariables()));
            List<String> tried = new ArrayList<>();
            Rule matched = null;
            for (Rule rule : workflowRules) {
                String mismatch = mismatch(rule, visible);
                if (mismatch == null) {
                    matched = rule;
                    break;
                }
                tried.add(describe(rule) + ": " + mismatch);
            }
            if (refusal != null) {
                return new GitlabPlan.Refused(refusal);
            }
            if (matched == null || matched.when() == When.NEVER) {
                if (matched != null) {
                    tried.add(describe(matched) + ": matches, and says when: never");
                }
                return new GitlabPlan.NoPipeline(tried);
            }
            workflowVariables = Variables.fromModel(matched.variables());
        }
        Variables pipelineLevel = globals.overriddenBy(workflowVariables);

        List<Created> created = new ArrayList<>();
        for (Job job : pipeline.jobs()) {
            if (!includedFileMatches(job)) {
                continue;
            }
            created.addAll(create(job, pipelineLevel));
        }
        Map<String, Integer> stageIndex = new LinkedHashMap<>();
        for (int i = 0; i < pipeline.stages().size(); i++) {
            stageIndex.put(pipeline.stages().get(i), i);
        }
        if (refusal != null) {
            return new GitlabPlan.Refused(refusal);
        }
        // Stable: document order within a stage.
        created.sort((a, b) -> Integer.compare(stageIndex.getOrDefault(a.job().stage(), Integer.MAX_VALUE),
                stageIndex.getOrDefault(b.job().stage(), Integer.MAX_VALUE)));
        return edges(created, stageIndex, workflowVariables, only, withNeeds);
    }

    // ---- creation ----

    private List<Created> create(Job job, Variables pipelineLevel) {
        List<Map<String, Object>> cells = List.of(Map.of());
        if (job.matrix() != null && MatrixExpansion.expand(job.matrix()) instanceof MatrixCells.Cells c && c.size() > 0) {
            cells = c.cells();
        }
        Variables inherited = inherited(job, pipelineLevel);
        Condition.Rules condition = job.condition() instanceof Condition.Rules r ? r
                : new Condition.Rules(null, null, null, When.ON_SUCCESS, null);
        List<Created> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> cell = cells.get(i);
            Variables own = Variables.fromModel(job.env()).overriddenBy(cellVariables(cell));
            Variables visible = resolved(Map.of(VariableLayer.PREDEFINED, facts.predefined(),
                    VariableLayer.PIPELINE_YAML, inherited, VariableLayer.JOB_YAML, own,
                    VariableLayer.PIPELINE_RUN, facts.runVariables()));
            When when = condition.when() == null ? When.ON_SUCCESS : condition.when();
            AllowFailure allowFailure = job.allowFailure();
            List<Need> needs = job.needs();
            String startIn = condition.startIn();
            Variables ruleVariables = Variables.empty();
            if (condition.rules() != null) {
                Rule matched = condition.rules().stream().filter(r -> mismatch(r, visible) == null).findFirst()
                        .orElse(null);
                if (matched == null) {
                    continue;
                }
                if (matched.when() != null) {
                    // "if you use when: manual with rules, allow_failure defaults to false"; the job's
                    // own true only came from its own when: manual when that is what it says too.
                    if (matched.when() == When.MANUAL && when == When.MANUAL) {
                        allowFailure = AllowFailure.NO;
                    }
                    when = matched.when();
                }
                if (matched.allowFailure() != null) {
                    allowFailure = matched.allowFailure();
                }
                if (matched.needs() != null) {
                    needs = matched.needs();
                }
                if (matched.startIn() != null) {
                    startIn = matched.startIn();
                }
                ruleVariables = Variables.fromModel(matched.variables());
            } else {
                FilterDecision decision = OnlyExceptPolicy.compile(condition.only(), condition.except())
                        .decide(facts.context().withVariables(visible));
                if (!decision.passes()) {
                    continue;
                }
            }
            if (when == When.NEVER) {
                continue;
            }
            Variables variables = VariableScope.merge(Map.of(VariableLayer.PIPELINE_YAML, inherited,
                    VariableLayer.JOB_YAML, own, VariableLayer.RULE, ruleVariables));
            Duration delay = when == When.DELAYED && startIn != null ? Durations.parse(startIn) : null;
            out.add(new Created(job, name(job, cell, i, cells.size()), cell, i, cells.size(), when, allowFailure,
                    variables, needs, delay));
        }
        return out;
    }

    /** GitLab's names for parallel jobs: {@code job 2/3} and {@code job: [aws, x]}. */
    private static String name(Job job, Map<String, Object> cell, int index, int total) {
        if (job.matrix() == null) {
            return job.id();
        }
        if (cell.isEmpty()) {
            return job.id() + " " + (index + 1) + "/" + total;
        }
        List<String> values = cell.values().stream().map(String::valueOf).toList();
        return job.id() + ": [" + String.join(", ", values) + "]";
    }

    private static Variables cellVariables(Map<String, Object> cell) {
        Map<String, String> values = new LinkedHashMap<>();
        cell.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return Variables.of(values);
    }

    /** The global variables the job inherits ("#inherit:variables"). */
    private static Variables inherited(Job job, Variables pipelineLevel) {
        Object inherit = job.details() instanceof GitlabJob g ? g.inheritVariables() : Boolean.TRUE;
        if (Boolean.FALSE.equals(inherit)) {
            return Variables.empty();
        }
        if (inherit instanceof List<?> names) {
            return Variables.fromEntries(pipelineLevel.entries().stream().filter(e -> names.contains(e.name())).toList());
        }
        return pipelineLevel;
    }

    private boolean includedFileMatches(Job job) {
        if (!(pipeline.details() instanceof GitlabPipeline details) || job.range() == null) {
            return true;
        }
        List<Rule> rules = details.includeRules().get(job.range().file());
        return rules == null || rules.isEmpty() || includeRulesMatch(rules);
    }

    /**
     * What the pipeline created for {@code facts} takes from its {@code include} entries. An entry
     * with rules is part of it when the first rule that matches does not say {@code when: never}; no
     * match leaves it out ("Use CI/CD configuration from other files#Use rules with include"). A local
     * path written with variables is expanded. Both see the predefined and the pipeline's own
     * variables (project, trigger, manual run: {@code --variable}), not the YAML's: "You cannot use
     * variables defined in jobs, or in a global variables section ... Includes are evaluated before
     * jobs" (#Use variables with include).
     */
    public static IncludeFilter includeFilter(GitlabPipelineFacts facts) {
        GitlabPlanner planner = new GitlabPlanner(null, facts);
        return new IncludeFilter() {
            @Override
            public boolean includes(List<Rule> rules) {
                return planner.includeRulesMatch(rules);
            }

            @Override
            public String path(String written) {
                return VariableExpander.expand(written, planner.includeVariables(), ExpansionPlace.GITLAB);
            }
        };
    }

    /** The variables {@code include} sees: predefined and the pipeline's own, not the YAML's. */
    private Variables includeVariables() {
        return resolved(Map.of(VariableLayer.PREDEFINED, facts.predefined(),
                VariableLayer.PIPELINE_RUN, facts.runVariables()));
    }

    private boolean includeRulesMatch(List<Rule> rules) {
        Variables visible = includeVariables();
        return rules.stream().filter(r -> mismatch(r, visible) == null).findFirst()
                .map(r -> r.when() != When.NEVER).orElse(false);
    }

    private static Variables resolved(Map<VariableLayer, Variables> layers) {
        return VariableExpander.resolveAll(VariableScope.merge(new EnumMap<>(layers)), ExpansionPlace.GITLAB).variables();
    }

    /** Null when every clause of the rule matches, else why not, in words. */
    private String mismatch(Rule rule, Variables variables) {
        if (rule.ifExpression() != null) {
            VariableExpression.Parsed parsed = VariableExpression.parse(rule.ifExpression());
            if (!parsed.ok() || !parsed.expression().evaluate(variables)) {
                return "if '" + rule.ifExpression() + "' is false";
            }
        }
        if (rule.changes() != null) {
            List<String> changed = facts.context().changedFiles();
            if (rule.compareTo() != null) {
                String ref = VariableExpander.expand(rule.compareTo(), variables, ExpansionPlace.GITLAB);
                Optional<List<String>> since = facts.changesSince().apply(ref);
                if (since != null && since.isEmpty()) {
                    if (refusal == null) {
                        refusal = "rules:changes:compare_to '" + ref + "' is not a valid ref (no branch, tag or commit"
                                + " of that name)";
                    }
                    return "changes:compare_to '" + ref + "' names no branch, tag or commit";
                }
                changed = since == null ? null : since.get();
            }
            if (changed != null && !GitlabGlob.anyMatch(GitlabGlob.compileAll(expandAll(rule.changes(), variables)),
                    changed)) {
                return "no changed file matches changes " + rule.changes()
                        + (rule.compareTo() == null ? "" : " since " + rule.compareTo());
            }
        }
        if (rule.exists() != null) {
            List<GitlabGlob> globs = GitlabGlob.compileAll(expandAll(rule.exists(), variables));
            if (!GitlabGlob.anyMatch(globs, files())) {
                return "no file matches exists " + rule.exists();
            }
        }
        return null;
    }

    private static List<String> expandAll(List<String> patterns, Variables variables) {
        return patterns.stream().map(p -> VariableExpander.expand(p, variables, ExpansionPlace.GITLAB)).toList();
    }

    private List<String> files() {
        if (files == null) {
            List<String> listed = facts.files() == null ? null : facts.files().get();
            files = listed == null ? List.of() : listed;
        }
        return files;
    }

    private static String describe(Rule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.ifExpression() != null) {
            parts.add("if: " + rule.ifExpression());
        }
        if (rule.changes() != null) {
            parts.add("changes: " + rule.changes());
        }
        if (rule.exists() != null) {
            parts.add("exists: " + rule.exists());
        }
        String where = rule.range() == null ? "" : "line " + rule.range().line() + " ";
        return where + "rule {" + (parts.isEmpty() ? "always" : String.join(", ", parts)) + "}";
    }

    // ---- edges ----

    private GitlabPlan edges(List<Created> created, Map<String, Integer> stageIndex, Variables workflowVariables,
                             Set<String> only, boolean withNeeds) {
        Map<String, List<String>> keysOfName = new LinkedHashMap<>();
        for (Created c : created) {
            keysOfName.computeIfAbsent(c.job().id(), k -> new ArrayList<>()).add(c.key());
            if (!c.key().equals(c.job().id())) {
                keysOfName.put(c.key(), List.of(c.key()));
            }
        }
        Map<String, List<String>> predecessors = new LinkedHashMap<>();
        Map<String, List<String>> artifacts = new LinkedHashMap<>();
        for (Created c : created) {
            int stage = stageIndex.getOrDefault(c.job().stage(), Integer.MAX_VALUE);
            List<String> earlier = created.stream()
                    .filter(o -> stageIndex.getOrDefault(o.job().stage(), Integer.MAX_VALUE) < stage)
                    .map(Created::key).toList();
            List<String> preds = new ArrayList<>();
            List<String> fromNeeds = new ArrayList<>();
            if (c.needs() != null) {
                for (Need need : c.needs()) {
                    List<String> keys = keysOfName.get(need.job());
                    if (keys == null) {
                        if (need.optional()) {
                            continue;
                        }
                        return new GitlabPlan.Refused("job '" + c.key() + "' needs '" + need.job()
                                + "', which is not in this pipeline (its rules did not add it); mark the need"
                                + " 'optional: true' if that is expected");
                    }
                    preds.addAll(keys);
                    if (need.artifacts()) {
                        fromNeeds.addAll(keys);
                    }
                }
            } else {
                preds.addAll(earlier);
            }
            predecessors.put(c.key(), distinct(preds));
            List<String> dependencies = c.job().details() instanceof GitlabJob g ? g.dependencies() : null;
            if (dependencies != null) {
                // dependencies only narrow what the job would get anyway: a job of its own stage it
                // does not need gives nothing.
                List<String> reachable = c.needs() != null ? fromNeeds : earlier;
                List<String> from = new ArrayList<>();
                dependencies.forEach(d -> from.addAll(keysOfName.getOrDefault(d, List.of())));
                from.retainAll(reachable);
                artifacts.put(c.key(), distinct(from));
            } else {
                artifacts.put(c.key(), c.needs() != null ? distinct(fromNeeds) : earlier);
            }
        }
        Set<String> selected = select(created, predecessors, only, withNeeds);
        if (selected == null) {
            return new GitlabPlan.Refused("no job named " + String.join(", ", only) + " in " + pipeline.file()
                    + "; it has: " + String.join(", ", keysOfName.keySet()));
        }
        List<GitlabPlannedJob> out = new ArrayList<>();
        for (Created c : created) {
            if (!selected.contains(c.key())) {
                continue;
            }
            List<String> preds = predecessors.get(c.key()).stream().filter(selected::contains).toList();
            List<String> from = artifacts.get(c.key()).stream().filter(selected::contains).toList();
            PlannedJob planned = new PlannedJob(c.key(), c.job(), c.cell(), c.key(), preds,
                    c.index(), c.total(), false, c.startIn());
            out.add(new GitlabPlannedJob(planned, c.when(), c.allowFailure(), c.variables(), from, c.needs() != null));
        }
        return new GitlabPlan.Created(out, workflowVariables);
    }

    /** The keys to run, or null when {@code only} names something that is not a created job. */
    private static Set<String> select(List<Created> created, Map<String, List<String>> predecessors, Set<String> only,
                                      boolean withNeeds) {
        Set<String> all = new LinkedHashSet<>();
        created.forEach(c -> all.add(c.key()));
        if (only.isEmpty()) {
            return all;
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String name : only) {
            List<String> keys = created.stream().filter(c -> c.key().equals(name) || c.job().id().equals(name))
                    .map(Created::key).toList();
            if (keys.isEmpty()) {
                return null;
            }
            selected.addAll(keys);
        }
        if (withNeeds) {
            Deque<String> todo = new ArrayDeque<>(selected);
            while (!todo.isEmpty()) {
                for (String p : predecessors.getOrDefault(todo.pop(), List.of())) {
                    if (selected.add(p)) {
                        todo.push(p);
                    }
                }
            }
        }
        return selected;
    }

    private static List<String> distinct(List<String> keys) {
        return List.copyOf(new LinkedHashSet<>(keys));
    }
}

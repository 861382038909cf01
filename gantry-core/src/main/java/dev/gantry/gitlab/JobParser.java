package dev.gantry.gitlab;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Artifacts;
import dev.gantry.model.Cache;
import dev.gantry.model.Concurrency;
import dev.gantry.model.Condition;
import dev.gantry.model.Container;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.Job;
import dev.gantry.model.Retry;
import dev.gantry.model.Rule;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.model.When;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One job of the resolved configuration to a {@link Job} ("CI/CD YAML syntax reference#Job
 * keywords"). Applies {@code default:} for the keywords the job leaves out, as far as
 * {@code inherit:default} allows ("#default", "#inherit:default"); trigger jobs inherit nothing.
 *
 * <p>The steps: one step {@code script} running {@code before_script} and {@code script} in one
 * shell session, and one step {@code after_script} when there is one ("#before_script",
 * "#after_script"). A trigger job has no steps. A job needs {@code script} unless it has
 * {@code trigger} (or the experimental {@code run}), as "#script" says ("All jobs except trigger jobs
 * require a script keyword"); this holds for a {@code pages} job too.
 *
 * <p>Defaults the model makes explicit: stage {@code test}; {@code when: on_success};
 * {@code allow_failure} true for {@code when: manual} and false otherwise ("#allow_failure").
 */
final class JobParser {

    private final Reader reader;
    private final Globals globals;
    private final JobKeywords keywords;
    private final JobExtras extras;
    private final RulesParser rules;
    private final Set<String> brokenExtends;
    private final boolean complete;

    /**
     * @param brokenExtends jobs whose {@code extends} chain is broken; a missing script is not
     *                      reported for them, since the lost template may have had one
     * @param complete      false when an include could not be read; then no missing script is
     *                      reported at all, since a job of the same name there may bring it (GitLab
     *                      merges the keys of equally named jobs across included files)
     */
    JobParser(Reader reader, Globals globals, Set<String> brokenExtends, boolean complete) {
        this.brokenExtends = brokenExtends;
        this.complete = complete;
        this.reader = reader;
        this.globals = globals;
        this.keywords = new JobKeywords(reader);
        this.extras = new JobExtras(reader);
        this.rules = new RulesParser(reader);
    }

    Job parse(YamlMap.Entry entry, YamlMap job) {
        String name = entry.name();
        String where = "job '" + name + "'";
        reader.checkKeys(job, Keywords.JOB, where);
        boolean trigger = !Reader.absent(job.get("trigger"));
        if (trigger) {
            for (YamlMap.Entry e : job.entries()) {
                if (Keywords.JOB.contains(e.name()) && !Keywords.TRIGGER_JOB.contains(e.name())) {
                    reader.error(e.key(), RuleIds.TRIGGER_KEYWORD, "'" + e.name() + "' cannot be used in a trigger job");
                }
            }
        }
        Object[] inherit = extras.inherit(job.get("inherit"), where);
        Inherited inherited = new Inherited(job, trigger ? Boolean.FALSE : inherit[0], where);

        String stage = stage(entry, job);
        List<StepAction.ScriptLine> before = inherited.get("before_script", globals.defaults().beforeScript(),
                (n, w) -> keywords.script(n, "before_script"));
        List<StepAction.ScriptLine> script = keywords.script(job.get("script"), "script");
        List<StepAction.ScriptLine> after = inherited.get("after_script", globals.defaults().afterScript(),
                (n, w) -> keywords.script(n, "after_script"));
        List<Step> steps = trigger ? List.of() : steps(entry, job, before, script, after);

        List<Rule> ruleList = rules.rules(job.get("rules"), RulesParser.Kind.JOB, where);
        Condition.OnlyExcept only = rules.onlyExcept(job.get("only"), "only", where);
        Condition.OnlyExcept except = rules.onlyExcept(job.get("except"), "except", where);
        if (ruleList != null) {
            for (String key : List.of("only", "except")) {
                if (job.has(key)) {
                    reader.error(job.entry(key).key(), RuleIds.RULES_ONLY_EXCEPT,
                            "'" + key + "' cannot be used together with 'rules'");
                }
            }
        }
        When when = rules.when(job.get("when"), RulesParser.JOB_WHEN, null);
        String startIn = rules.startIn(job, when);
        When effectiveWhen = when == null ? When.ON_SUCCESS : when;
        Condition condition = new Condition.Rules(ruleList, only, except, effectiveWhen, startIn);

        NeedsParser.Needs needs = new NeedsParser(reader).parse(job.get("needs"), where);
        List<String> dependencies = reader.strings(job.get("dependencies"), "dependencies", false);

        Container image = inherited.get("image", globals.defaults().image(), keywords::image);
        List<Container> services = inherited.get("services", globals.defaults().services(), keywords::services);
        List<Cache> caches = inherited.get("cache", globals.defaults().caches(), keywords::caches);
        Artifacts artifacts = inherited.get("artifacts", globals.defaults().artifacts(), keywords::artifacts);
        Retry retry = inherited.get("retry", globals.defaults().retry(), keywords::retry);
        Duration timeout = inherited.get("timeout", globals.defaults().timeout(), (n, w) -> keywords.timeout(n));
        Boolean interruptible = inherited.get("interruptible", globals.defaults().interruptible(),
                (n, w) -> keywords.interruptible(n));
        List<String> tags = inherited.get("tags", globals.defaults().tags(), (n, w) -> keywords.tags(n));
        Map<String, List<String>> hooks = inherited.get("hooks", globals.defaults().hooks(), keywords::hooks);
        Map<String, Object> idTokens = inherited.get("id_tokens", globals.defaults().idTokens(), keywords::idTokens);
        String identity = inherited.get("identity", globals.defaults().identity(), (n, w) -> keywords.identity(n));

        AllowFailure allowFailure = allowFailure(job.get("allow_failure"), effectiveWhen);
        String resourceGroup = reader.string(job.get("resource_group"), "resource_group");
        Concurrency concurrency = resourceGroup == null ? null
                : new Concurrency(resourceGroup, null, job.get("resource_group").range());
        extras.dastConfiguration(job.get("dast_configuration"), where);
        reader.string(job.get("publish"), "publish");
        String manualConfirmation = reader.string(job.get("manual_confirmation"), "manual_confirmation");

        Object pages = extras.pages(job.get("pages"), where);
        if (pages == null && name.equals("pages")) {
            pages = Boolean.TRUE; // "pages" as a job name makes a Pages job ("CI/CD YAML syntax reference#pages")
        }
        GitlabJob details = new GitlabJob(dependencies, extras.coverage(job.get("coverage")),
                interruptible != null && interruptible, extras.trigger(job.get("trigger"), where),
                extras.release(job.get("release"), where), pages, inherit[0],
                inherit[1], hooks == null ? Map.of() : hooks, extras.secrets(job.get("secrets"), where),
                idTokens == null ? Map.of() : idTokens, identity, manualConfirmation,
                needs == null ? List.of() : needs.external());
        return new Job(name, name, stage, needs == null ? null : needs.needs(), condition,
                new MatrixParser(reader).parse(job.get("parallel")),
                new VariablesParser(reader).parse(job.get("variables"), VariablesParser.Kind.JOB, where),
                tags == null ? List.of() : tags, image, services == null ? List.of() : services, steps,
                caches == null ? List.of() : caches, artifacts, timeout, retry == null ? Retry.NONE : retry,
                allowFailure, new EnvironmentParser(reader).environment(job.get("environment"), where), concurrency,
                Map.of(), details, entry.key().range());
    }

    /** The job's stage, checked against {@code stages}; {@code test} when not written. */
    private String stage(YamlMap.Entry entry, YamlMap job) {
        YamlNode node = job.get("stage");
        String stage = reader.string(node, "stage");
        List<String> stages = globals.stages();
        String known = String.join(", ", stages);
        if (stage == null) {
            if (Reader.absent(node) && !stages.contains("test")) {
                reader.error(entry.key(), RuleIds.UNKNOWN_STAGE, "job '" + entry.name() + "' has no 'stage', and the"
                        + " default stage 'test' is not in stages (" + known + ")");
            }
            return "test";
        }
        if (!stages.contains(stage)) {
            reader.error(node, RuleIds.UNKNOWN_STAGE, "stage '" + stage + "' of job '" + entry.name()
                    + "' is not in stages (" + known + ")" + Closest.hint(stage, stages));
        }
        return stage;
    }

    private List<Step> steps(YamlMap.Entry entry, YamlMap job, List<StepAction.ScriptLine> before,
                             List<StepAction.ScriptLine> script, List<StepAction.ScriptLine> after) {
        List<Step> steps = new ArrayList<>(2);
        if (script == null) {
            if (Reader.absent(job.get("run")) && complete && !brokenExtends.contains(entry.name())) {
                reader.error(entry.key(), RuleIds.MISSING_SCRIPT, "job '" + entry.name() + "' has no script;"
                        + " add 'script' (or 'trigger' for a downstream pipeline)");
            }
            return steps;
        }
        if (script.isEmpty()) {
            // an empty result of failed references was reported where they are written
            if (writtenEmpty(job.get("script"))) {
                reader.error(job.get("script"), RuleIds.MISSING_SCRIPT, "'script' of job '" + entry.name()
                        + "' is empty");
            }
            return steps;
        }
        List<StepAction.ScriptLine> lines = new ArrayList<>();
        if (before != null) {
            lines.addAll(before);
        }
        lines.addAll(script);
        steps.add(step("script", lines, job.get("script")));
        if (after != null && !after.isEmpty()) {
            steps.add(step("after_script", after, job.has("after_script") ? job.get("after_script")
                    : job.get("script")));
        }
        return steps;
    }

    /** {@code script: []} or {@code script: ""}, as opposed to a script whose references failed. */
    private static boolean writtenEmpty(YamlNode node) {
        return node instanceof YamlSeq seq ? Flatten.items(seq).isEmpty()
                : node instanceof YamlScalar s && s.value().isBlank();
    }

    private static Step step(String id, List<StepAction.ScriptLine> lines, YamlNode at) {
        return new Step(id, null, null, new StepAction.Script(lines), List.of(), AllowFailure.NO, null, null, null, null,
                at.range());
    }

    /** {@code allow_failure:} true/false or {@code exit_codes}; when not written, true only for manual jobs. */
    private AllowFailure allowFailure(YamlNode node, When when) {
        if (node instanceof YamlMap m) {
            reader.checkKeys(m, Keywords.ALLOW_FAILURE, "allow_failure");
            if (!m.has("exit_codes")) {
                reader.error(m, RuleIds.MISSING_KEY, "'allow_failure' written as a mapping must have 'exit_codes'");
                return AllowFailure.NO;
            }
            return new AllowFailure(true, null, reader.integers(m.get("exit_codes"), "allow_failure:exit_codes"));
        }
        Boolean allowed = null;
        if (!Reader.absent(node)) {
            allowed = PsychBoolean.of(node);
            if (allowed == null) {
                reader.wrongType(node, "allow_failure", "true, false or a mapping with 'exit_codes'");
            }
        }
        if (allowed == null) {
            return when == When.MANUAL ? AllowFailure.YES : AllowFailure.NO;
        }
        return allowed ? AllowFailure.YES : AllowFailure.NO;
    }

    /** Reads a keyword from the job, or else from {@code default:} when inheritance lets it through. */
    private static final class Inherited {
        private final YamlMap job;
        private final Object inheritDefault;
        private final String where;

        Inherited(YamlMap job, Object inheritDefault, String where) {
            this.job = job;
            this.inheritDefault = inheritDefault;
            this.where = where;
        }

        <T> T get(String keyword, T fallback, BiFunction<YamlNode, String, T> parse) {
            YamlNode node = job.get(keyword);
            if (!Reader.absent(node)) {
                return parse.apply(node, where);
            }
            boolean inherits = Boolean.TRUE.equals(inheritDefault)
                    || inheritDefault instanceof List<?> names && names.contains(keyword);
            return inherits ? fallback : null;
        }
    }
}

package dev.gantry.gitlab;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.Need;
import dev.gantry.model.Rule;
import dev.gantry.model.Variable;
import dev.gantry.model.When;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rules:} of jobs, of {@code workflow} and of {@code include}, the deprecated
 * {@code only}/{@code except}, and {@code when:} ("CI/CD YAML syntax reference#rules" with its
 * subsections {@code rules:if}, {@code rules:changes} ({@code paths}, {@code compare_to}),
 * {@code rules:exists} ({@code paths}, {@code project}, {@code ref}), {@code rules:when},
 * {@code rules:allow_failure}, {@code rules:needs}, {@code rules:variables},
 * {@code rules:interruptible}; "#workflow:rules"; "#include:rules"; "#only / except"; "#when").
 *
 * <p>Which {@code when} values each place allows: jobs every value but {@code never}; job rules
 * all six; {@code workflow:rules} and {@code include:rules} only {@code always} and {@code never}.
 * {@code when: delayed} needs {@code start_in} of at most one week, and {@code start_in} needs
 * {@code when: delayed}. An empty {@code rules: []} of a job or of {@code workflow} is an error, as GitLab
 * refuses to create such a pipeline ("config can't be blank") instead of leaving the job out. Expressions, ref patterns and globs are checked by {@link ConditionCheck}.
 */
final class RulesParser {

    /** Where a {@code rules:} list is written. */
    enum Kind { JOB, WORKFLOW, INCLUDE }

    /** The {@code when} values a job may use outside {@code rules}. */
    static final Set<When> JOB_WHEN = EnumSet.of(When.ON_SUCCESS, When.ON_FAILURE, When.ALWAYS, When.MANUAL,
            When.DELAYED);
    private static final Set<When> PIPELINE_WHEN = EnumSet.of(When.ALWAYS, When.NEVER);
    private static final java.time.Duration MAX_START_IN = java.time.Duration.ofDays(7);

    private final Reader reader;
    private final ConditionCheck conditions;

    RulesParser(Reader reader) {
        this.reader = reader;
        this.conditions = new ConditionCheck(reader);
    }

    /** The rules in order, or null when not written. */
    List<Rule> rules(YamlNode node, Kind kind, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (!(node instanceof YamlSeq seq)) {
            reader.wrongType(node, "rules", "a sequence of mappings");
            return null;
        }
        if (seq.items().isEmpty() && kind != Kind.INCLUDE) {
            // GitLab refuses the pipeline ("rules config can't be blank") rather than leaving the job out.
            reader.error(seq, RuleIds.INVALID_VALUE, "'rules' of " + where + " is empty; GitLab refuses such a"
                    + " pipeline: remove 'rules' or write at least one rule");
            return null;
        }
        List<Rule> out = new ArrayList<>();
        for (YamlNode item : Flatten.items(seq)) {
            if (item instanceof YamlMap m) {
                out.add(rule(m, kind, where));
            } else if (!Reader.absent(item)) {
                reader.wrongType(item, "rules", "a sequence of mappings");
            }
        }
        return out;
    }

    private Rule rule(YamlMap m, Kind kind, String where) {
        String in = "rules of " + where;
        reader.checkKeys(m, switch (kind) {
            case JOB -> Keywords.JOB_RULE;
            case WORKFLOW -> Keywords.WORKFLOW_RULE;
            case INCLUDE -> Keywords.INCLUDE_RULE;
        }, in);
        String ifExpression = reader.string(m.get("if"), "rules:if");
        conditions.expression(m.get("if"));
        List<String> changes = null;
        String compareTo = null;
        YamlNode c = m.get("changes");
        if (c instanceof YamlMap cm) {
            reader.checkKeys(cm, Keywords.CHANGES, "rules:changes");
            changes = reader.strings(cm.get("paths"), "rules:changes:paths", false);
            conditions.globs(cm.get("paths"), "rules:changes:paths", true);
            compareTo = reader.string(cm.get("compare_to"), "rules:changes:compare_to");
            if (changes == null) {
                reader.error(cm, RuleIds.MISSING_KEY, "'rules:changes' written as a mapping must have 'paths'");
            }
        } else {
            changes = reader.strings(c, "rules:changes", false);
            conditions.globs(c, "rules:changes", true);
        }
        List<String> exists;
        YamlNode x = m.get("exists");
        if (x instanceof YamlMap xm) {
            reader.checkKeys(xm, Keywords.EXISTS, "rules:exists");
            exists = reader.strings(xm.get("paths"), "rules:exists:paths", false);
            conditions.globs(xm.get("paths"), "rules:exists:paths", true);
            reader.string(xm.get("project"), "rules:exists:project");
            reader.string(xm.get("ref"), "rules:exists:ref");
            if (exists == null) {
                reader.error(xm, RuleIds.MISSING_KEY, "'rules:exists' written as a mapping must have 'paths'");
            }
        } else {
            exists = reader.strings(x, "rules:exists", false);
            // GitLab does not yet enforce the limit on the list form of include:rules:exists.
            conditions.globs(x, "rules:exists", kind != Kind.INCLUDE);
        }
        When when = when(m.get("when"), kind == Kind.JOB ? EnumSet.allOf(When.class) : PIPELINE_WHEN,
                kind == Kind.JOB ? "rules" : kind == Kind.WORKFLOW ? "workflow:rules" : "include:rules");
        AllowFailure allowFailure = null;
        List<Need> needs = null;
        List<Variable> variables = List.of();
        String startIn = null;
        if (kind != Kind.INCLUDE) {
            variables = new VariablesParser(reader).parse(m.get("variables"), VariablesParser.Kind.PLAIN, in);
        }
        if (kind == Kind.JOB) {
            Boolean af = reader.bool(m.get("allow_failure"), "rules:allow_failure");
            allowFailure = af == null ? null : af ? AllowFailure.YES : AllowFailure.NO;
            NeedsParser.Needs n = new NeedsParser(reader).parse(m.get("needs"), where);
            needs = n == null ? null : n.needs();
            reader.bool(m.get("interruptible"), "rules:interruptible");
            startIn = startIn(m, when);
        }
        if (kind == Kind.WORKFLOW && m.get("auto_cancel") != null) {
            autoCancel(m.get("auto_cancel"), "auto_cancel of workflow:rules");
        }
        return new Rule(ifExpression, changes, compareTo, exists, when, allowFailure, variables, needs, startIn,
                m.range());
    }

    /** {@code start_in} of a job or job rule, checked against {@code when}. */
    String startIn(YamlMap owner, When when) {
        YamlNode node = owner.get("start_in");
        String startIn = reader.string(node, "start_in");
        if (startIn == null) {
            if (when == When.DELAYED) {
                reader.error(owner.entry("when").key(), RuleIds.DELAYED_START_IN, "'when: delayed' needs 'start_in'");
            }
            return null;
        }
        if (when != When.DELAYED) {
            reader.error(owner.entry("start_in").key(), RuleIds.DELAYED_START_IN,
                    "'start_in' can only be used with 'when: delayed'");
        }
        java.time.Duration d = Durations.parse(startIn);
        if (d == null) {
            reader.error(node, RuleIds.INVALID_VALUE, "'start_in' must be a duration such as '30 minutes', not '"
                    + startIn + "'");
        } else if (d.compareTo(MAX_START_IN) > 0) {
            reader.error(node, RuleIds.INVALID_VALUE, "'start_in' must be at most one week, not '" + startIn + "'");
        }
        return startIn;
    }

    /**
     * A {@code when:} value from {@code allowed}, or null when not written or not allowed.
     *
     * @param place where it is written, for the message ({@code rules}, {@code workflow:rules}), or null for a job
     */
    When when(YamlNode node, Set<When> allowed, String place) {
        String text = reader.string(node, "when");
        if (text == null) {
            return null;
        }
        When when = When.fromKeyword(text);
        if (when == null || !allowed.contains(when)) {
            String expected = allowed.stream().map(When::keyword).collect(Collectors.joining(", "));
            String why = when == When.NEVER ? "; 'never' can only be used in rules" : "";
            reader.error(node, RuleIds.INVALID_WHEN, "invalid 'when: " + text + "'" + (place == null ? "" : " in " + place)
                    + "; expected one of " + expected + why);
            return null;
        }
        return when;
    }

    /** {@code workflow:auto_cancel} or a workflow rule's {@code auto_cancel}: [on_new_commit, on_job_failure]. */
    String[] autoCancel(YamlNode node, String where) {
        YamlMap m = reader.map(node, "auto_cancel");
        if (m == null) {
            return new String[2];
        }
        reader.checkKeys(m, Keywords.AUTO_CANCEL, where);
        return new String[] {
            reader.oneOf(m.get("on_new_commit"), "auto_cancel:on_new_commit", Keywords.ON_NEW_COMMIT),
            reader.oneOf(m.get("on_job_failure"), "auto_cancel:on_job_failure", Keywords.ON_JOB_FAILURE)};
    }

    /**
     * {@code only:} or {@code except:}: a list of refs (a single string is accepted as a list of
     * one), or a mapping with {@code refs}, {@code variables}, {@code changes} and {@code kubernetes}.
     */
    Condition.OnlyExcept onlyExcept(YamlNode node, String name, String where) {
        if (Reader.absent(node)) {
            return null;
        }
        if (node instanceof YamlMap m) {
            reader.checkKeys(m, Keywords.ONLY_EXCEPT, name + " of " + where);
            List<String> refs = reader.strings(m.get("refs"), name + ":refs", true);
            List<String> variables = reader.strings(m.get("variables"), name + ":variables", true);
            List<String> changes = reader.strings(m.get("changes"), name + ":changes", true);
            conditions.refs(m.get("refs"));
            conditions.expressions(m.get("variables"));
            conditions.globs(m.get("changes"), name + ":changes", false);
            String kubernetes = reader.oneOf(m.get("kubernetes"), name + ":kubernetes", Set.of("active"));
            return new Condition.OnlyExcept(orEmpty(refs), orEmpty(variables), orEmpty(changes), kubernetes,
                    m.range());
        }
        if (node instanceof YamlSeq || node instanceof YamlScalar) {
            List<String> refs = reader.strings(node, name, true);
            conditions.refs(node);
            return refs == null ? null : new Condition.OnlyExcept(refs, List.of(), List.of(), null, node.range());
        }
        reader.wrongType(node, name, "a sequence of refs or a mapping");
        return null;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}

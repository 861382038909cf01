package dev.gantry.expr.github;

import static dev.gantry.expr.github.ContextName.ENV;
import static dev.gantry.expr.github.ContextName.GITHUB;
import static dev.gantry.expr.github.ContextName.INPUTS;
import static dev.gantry.expr.github.ContextName.JOB;
import static dev.gantry.expr.github.ContextName.JOBS;
import static dev.gantry.expr.github.ContextName.MATRIX;
import static dev.gantry.expr.github.ContextName.NEEDS;
import static dev.gantry.expr.github.ContextName.RUNNER;
import static dev.gantry.expr.github.ContextName.SECRETS;
import static dev.gantry.expr.github.ContextName.STEPS;
import static dev.gantry.expr.github.ContextName.STRATEGY;
import static dev.gantry.expr.github.ContextName.VARS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which contexts and special functions each workflow key allows: the table of "Contexts
 * reference#context-availability", as data. "The listed contexts are only available for the given
 * workflow key, and may not be used anywhere else. Unless listed below, a function can be used
 * anywhere" — the special functions are {@code always}, {@code cancelled}, {@code success},
 * {@code failure} and {@code hashFiles}.
 *
 * <p>Key paths are dotted, either as the table writes them ({@code jobs.<job_id>.steps.if}) or
 * concrete ({@code jobs.build.steps.2.if}, {@code jobs.build.steps[2].if}); a step's position is
 * ignored. A path below a table key belongs to the longest key that is a prefix of it, so
 * {@code jobs.build.steps.with.args} follows {@code jobs.<job_id>.steps.with}.
 */
public final class ContextAvailability {

    /** The special functions, restricted to the keys that list them. */
    public static final Set<Builtin> SPECIAL_FUNCTIONS = Set.copyOf(EnumSet.of(
            Builtin.ALWAYS, Builtin.CANCELLED, Builtin.SUCCESS, Builtin.FAILURE, Builtin.HASH_FILES));

    /**
     * One row of the table.
     *
     * @param key              the workflow key as the documentation writes it
     * @param contexts         the contexts allowed there
     * @param specialFunctions the special functions allowed there
     */
    public record Entry(String key, Set<ContextName> contexts, Set<Builtin> specialFunctions) {
        public Entry {
            contexts = Set.copyOf(contexts);
            specialFunctions = Set.copyOf(specialFunctions);
        }
    }

    /**
     * A context or special function used where the table does not allow it.
     *
     * @param name    the context or function as the documentation names it
     * @param start   offset of the use in the expression text
     * @param end     offset just after it
     * @param message a plain sentence saying what is wrong and what is allowed
     */
    public record Problem(String name, int start, int end, String message) {
    }

    private static final Set<Builtin> NONE = EnumSet.noneOf(Builtin.class);
    private static final Set<Builtin> HASH = EnumSet.of(Builtin.HASH_FILES);
    private static final Set<Builtin> STATUS = EnumSet.of(Builtin.ALWAYS, Builtin.CANCELLED, Builtin.SUCCESS,
            Builtin.FAILURE);
    private static final Set<Builtin> STATUS_AND_HASH = EnumSet.of(Builtin.ALWAYS, Builtin.CANCELLED,
            Builtin.SUCCESS, Builtin.FAILURE, Builtin.HASH_FILES);
    private static final Set<ContextName> STEP_CONTEXTS = EnumSet.of(GITHUB, NEEDS, STRATEGY, MATRIX, JOB, RUNNER,
            ENV, VARS, SECRETS, STEPS, INPUTS);

    private static final List<Entry> TABLE = List.of(
            row("run-name", NONE, GITHUB, INPUTS, VARS),
            row("concurrency", NONE, GITHUB, INPUTS, VARS),
            row("env", NONE, GITHUB, SECRETS, INPUTS, VARS),
            row("jobs.<job_id>.concurrency", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, INPUTS, VARS),
            row("jobs.<job_id>.container", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.container.credentials", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, ENV, VARS, SECRETS,
                    INPUTS),
            row("jobs.<job_id>.container.env.<env_id>", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, JOB, RUNNER, ENV, VARS,
                    SECRETS, INPUTS),
            row("jobs.<job_id>.container.image", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.continue-on-error", NONE, GITHUB, NEEDS, STRATEGY, VARS, MATRIX, INPUTS),
            row("jobs.<job_id>.defaults.run", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, ENV, VARS, INPUTS),
            row("jobs.<job_id>.env", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, SECRETS, INPUTS),
            row("jobs.<job_id>.environment", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.environment.url", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, JOB, RUNNER, ENV, VARS, STEPS,
                    INPUTS),
            row("jobs.<job_id>.if", STATUS, GITHUB, NEEDS, VARS, INPUTS),
            row("jobs.<job_id>.name", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.outputs.<output_id>", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, JOB, RUNNER, ENV, VARS,
                    SECRETS, STEPS, INPUTS),
            row("jobs.<job_id>.runs-on", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.secrets.<secrets_id>", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, SECRETS, INPUTS, VARS),
            row("jobs.<job_id>.services", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.services.<service_id>.credentials", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, ENV, VARS,
                    SECRETS, INPUTS),
            row("jobs.<job_id>.services.<service_id>.env.<env_id>", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, JOB,
                    RUNNER, ENV, VARS, SECRETS, INPUTS),
            new Entry("jobs.<job_id>.steps.continue-on-error", STEP_CONTEXTS, HASH),
            new Entry("jobs.<job_id>.steps.env", STEP_CONTEXTS, HASH),
            row("jobs.<job_id>.steps.if", STATUS_AND_HASH, GITHUB, NEEDS, STRATEGY, MATRIX, JOB, RUNNER, ENV, VARS,
                    STEPS, INPUTS),
            new Entry("jobs.<job_id>.steps.name", STEP_CONTEXTS, HASH),
            new Entry("jobs.<job_id>.steps.run", STEP_CONTEXTS, HASH),
            new Entry("jobs.<job_id>.steps.timeout-minutes", STEP_CONTEXTS, HASH),
            new Entry("jobs.<job_id>.steps.with", STEP_CONTEXTS, HASH),
            new Entry("jobs.<job_id>.steps.working-directory", STEP_CONTEXTS, HASH),
            row("jobs.<job_id>.strategy", NONE, GITHUB, NEEDS, VARS, INPUTS),
            row("jobs.<job_id>.timeout-minutes", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, VARS, INPUTS),
            row("jobs.<job_id>.with.<with_id>", NONE, GITHUB, NEEDS, STRATEGY, MATRIX, INPUTS, VARS),
            row("on.workflow_call.inputs.<inputs_id>.default", NONE, GITHUB, INPUTS, VARS),
            row("on.workflow_call.outputs.<output_id>.value", NONE, GITHUB, JOBS, VARS, INPUTS));

    private ContextAvailability() {
    }

    private static Entry row(String key, Set<Builtin> functions, ContextName... contexts) {
        return new Entry(key, EnumSet.copyOf(List.of(contexts)), functions);
    }

    /** The whole table, in the documentation's order. */
    public static List<Entry> table() {
        return TABLE;
    }

    /** The row that governs a key path, or empty when the table says nothing about it. */
    public static Optional<Entry> forKey(String keyPath) {
        List<String> path = normalize(keyPath);
        Entry best = null;
        int bestLength = -1;
        for (Entry e : TABLE) {
            String[] key = e.key().split("\\.");
            if (key.length <= path.size() && key.length > bestLength && prefixMatches(key, path)) {
                best = e;
                bestLength = key.length;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The contexts and special functions {@code expression} uses that the key does not allow, in the
     * order of the text. Empty when everything is allowed or the table has no row for the key.
     */
    public static List<Problem> check(String keyPath, Expression expression) {
        Optional<Entry> entry = forKey(keyPath);
        if (entry.isEmpty()) {
            return List.of();
        }
        Entry e = entry.get();
        List<Problem> problems = new ArrayList<>();
        expression.root().walk(node -> {
            if (node instanceof Node.NamedContext c && !e.contexts().contains(c.context())) {
                problems.add(new Problem(c.context().id(), c.start(), c.end(), "context '" + c.context().id()
                        + "' is not available in " + e.key() + "; available there: " + names(e)));
            } else if (node instanceof Node.Call call && SPECIAL_FUNCTIONS.contains(call.function())
                    && !e.specialFunctions().contains(call.function())) {
                String name = call.function().displayName();
                problems.add(new Problem(name, call.start(), call.start() + call.written().length(), "function '"
                        + name + "' is not available in " + e.key()
                        + (e.specialFunctions().isEmpty() ? "" : "; special functions available there: "
                        + e.specialFunctions().stream().map(Builtin::displayName).sorted()
                        .collect(Collectors.joining(", ")))));
            }
        });
        problems.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return problems;
    }

    private static String names(Entry e) {
        return e.contexts().stream().sorted().map(ContextName::id).collect(Collectors.joining(", "));
    }

    /** Dotted segments with a step's position ({@code steps.2}, {@code steps[2]}) removed. */
    private static List<String> normalize(String keyPath) {
        List<String> out = new ArrayList<>();
        for (String raw : keyPath.split("\\.")) {
            String s = raw;
            int bracket = s.indexOf('[');
            if (bracket > 0 && s.endsWith("]")) {
                s = s.substring(0, bracket);
            }
            boolean position = !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            if (position && !out.isEmpty() && out.getLast().equals("steps")) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static boolean prefixMatches(String[] key, List<String> path) {
        for (int i = 0; i < key.length; i++) {
            boolean placeholder = key[i].startsWith("<") && key[i].endsWith(">");
            if (!placeholder && !key[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}

package dev.gantry.match;

import dev.gantry.expr.gitlab.RegexLiteral;
import dev.gantry.expr.gitlab.VariableExpression;
import dev.gantry.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a GitLab job with {@code only}/{@code except} is added to a pipeline. Follows
 * "Deprecated keywords#only / except" (docs.gitlab.com, with its {@code only:refs},
 * {@code only:variables}, {@code only:changes} and {@code only:kubernetes} sections) and "Choose when
 * to run jobs" ("Combine multiple keywords with only or except", "Regular expressions"):
 *
 * <ul>
 *   <li>{@code only} adds the job when every key it uses has an entry that matches; {@code except}
 *       leaves the job out when any key it uses has an entry that matches.</li>
 *   <li>Without {@code only} (and without {@code rules}, which the caller handles), {@code only} is
 *       {@code [branches, tags]}, so such jobs do not run in merge request pipelines.</li>
 *   <li>Refs: {@code branches} and {@code tags} match the ref type; {@code api}, {@code chat},
 *       {@code external}, {@code external_pull_requests}, {@code merge_requests}, {@code pipelines},
 *       {@code pushes}, {@code schedules}, {@code triggers} and {@code web} match the pipeline
 *       source; any other entry is a branch or tag name, or a {@code /regex/flags} (RE2, see
 *       {@link RegexLiteral#parseRefPattern}) searched for in it, and matches only in branch and tag
 *       pipelines. A {@code @group/project} suffix limits an entry to that project, compared
 *       literally. A regex RE2 rejects is compared as a plain name, as GitLab falls back.</li>
 *   <li>Variables: any of the {@link VariableExpression}s holds.</li>
 *   <li>Changes: any changed file matches any {@link GitlabGlob}; unknown changes count as a match
 *       ("changes can't determine if a given file is new or old and always returns true").</li>
 *   <li>{@code kubernetes: active}: a Kubernetes service is active.</li>
 * </ul>
 *
 * Compile once per job; {@link #decide} never throws.
 */
public final class OnlyExceptPolicy {

    private static final List<String> DEFAULT_ONLY_REFS = List.of("branches", "tags");
    private static final Map<String, String> SOURCE_KEYWORDS = Map.of(
            "api", "api", "chat", "chat", "external", "external",
            "external_pull_requests", "external_pull_request_event", "merge_requests", "merge_request_event",
            "pipelines", "pipeline", "pushes", "push", "schedules", "schedule", "triggers", "trigger", "web", "web");

    /** One {@code only:refs} entry: what it names, and the project it is limited to (or null). */
    private record RefEntry(String written, String name, RegexLiteral regex, String projectPath) {

        boolean matches(OnlyExceptContext ctx) {
            if (projectPath != null && !projectPath.equals(ctx.projectPath())) {
                return false;
            }
            return switch (name) {
                case "branches" -> ctx.refType() == OnlyExceptContext.RefType.BRANCH;
                case "tags" -> ctx.refType() == OnlyExceptContext.RefType.TAG;
                default -> SOURCE_KEYWORDS.containsKey(name)
                        ? SOURCE_KEYWORDS.get(name).equals(ctx.source())
                        // Names and patterns match branch and tag pipelines only, not merge requests.
                        : ctx.refType() != OnlyExceptContext.RefType.MERGE_REQUEST && ctx.ref() != null
                                && (regex != null ? regex.find(ctx.ref()) : name.equals(ctx.ref()));
            };
        }
    }

    /** One side, {@code only} or {@code except}, compiled; an absent key is an empty list or false. */
    private record Side(List<RefEntry> refs, List<VariableExpression> variables,
                        List<String> variableSources, List<GitlabGlob> changes, boolean kubernetes) {
    }

    private final Side only;
    private final Side except;
    private final List<String> problems;

    private OnlyExceptPolicy(Side only, Side except, List<String> problems) {
        this.only = only;
        this.except = except;
        this.problems = problems;
    }

    /** Compiles a job's {@code only} and {@code except}; either may be null when not written. */
    public static OnlyExceptPolicy compile(Condition.OnlyExcept only, Condition.OnlyExcept except) {
        List<String> problems = new ArrayList<>();
        Side onlySide = only == null
                ? new Side(refs(DEFAULT_ONLY_REFS, problems), List.of(), List.of(), List.of(), false)
                : side("only", only, problems);
        Side exceptSide = except == null ? null : side("except", except, problems);
        return new OnlyExceptPolicy(onlySide, exceptSide, List.copyOf(problems));
    }

    /** Whether the job is added to a pipeline described by {@code ctx}, and why. */
    public FilterDecision decide(OnlyExceptContext ctx) {
        List<String> reasons = new ArrayList<>();
        for (Key key : Key.values()) {
            String match = key.match(only, ctx);
            if (match == null) {
                return FilterDecision.fail("only:" + key.word + " does not match " + ctx.describe());
            }
            if (!match.isEmpty()) {
                reasons.add("only:" + key.word + " " + match);
            }
        }
        if (except != null) {
            for (Key key : Key.values()) {
                String match = key.match(except, ctx);
                if (match != null && !match.isEmpty()) {
                    return FilterDecision.fail("except:" + key.word + " " + match + " for " + ctx.describe());
                }
            }
        }
        return FilterDecision.pass(String.join("; ", reasons) + " for " + ctx.describe());
    }

    /**
     * Entries that cannot mean what they say: invalid variable expressions (which never match) and
     * ref regexes RE2 rejects (compared as plain names). For lint.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * The four keys. {@link #match} returns null when the key is used and nothing matches, '' when
     * the key is not used, else the matching entry in words.
     */
    private enum Key {
        REFS("refs") {
            @Override
            String match(Side side, OnlyExceptContext ctx) {
                if (side.refs().isEmpty()) {
                    return "";
                }
                return side.refs().stream().filter(r -> r.matches(ctx)).findFirst()
                        .map(r -> "entry '" + r.written() + "' matches").orElse(null);
            }
        },
        VARIABLES("variables") {
            @Override
            String match(Side side, OnlyExceptContext ctx) {
                if (side.variableSources().isEmpty()) {
                    return "";
                }
                for (VariableExpression e : side.variables()) {
                    if (e.evaluate(ctx.variables())) {
                        return "expression '" + e.source() + "' holds";
                    }
                }
                return null;
            }
        },
        CHANGES("changes") {
            @Override
            String match(Side side, OnlyExceptContext ctx) {
                if (side.changes().isEmpty()) {
                    return "";
                }
                if (ctx.changedFiles() == null) {
                    return "counts as matching because the changed files are unknown";
                }
                for (String path : ctx.changedFiles()) {
                    for (GitlabGlob glob : side.changes()) {
                        if (glob.matches(path)) {
                            return "'" + glob.source() + "' matches '" + path + "'";
                        }
                    }
                }
                return null;
            }
        },
        KUBERNETES("kubernetes") {
            @Override
            String match(Side side, OnlyExceptContext ctx) {
                if (!side.kubernetes()) {
                    return "";
                }
                return ctx.kubernetesActive() ? "is active" : null;
            }
        };

        private final String word;

        Key(String word) {
            this.word = word;
        }

        abstract String match(Side side, OnlyExceptContext ctx);
    }

    private static Side side(String keyword, Condition.OnlyExcept written, List<String> problems) {
        List<RefEntry> refs = refs(written.refs(), problems);
        List<VariableExpression> expressions = new ArrayList<>();
        for (String text : written.variables()) {
            VariableExpression.Parsed parsed = VariableExpression.parse(text);
            if (parsed.ok()) {
                expressions.add(parsed.expression());
            } else {
                problems.add(keyword + ":variables '" + text + "': invalid expression syntax at character "
                        + (parsed.error().offset() + 1) + ": " + parsed.error().message());
            }
        }
        return new Side(refs, List.copyOf(expressions), written.variables(),
                GitlabGlob.compileAll(written.changes()), "active".equals(written.kubernetes()));
    }

    private static List<RefEntry> refs(List<String> written, List<String> problems) {
        List<RefEntry> out = new ArrayList<>();
        for (String entry : written) {
            out.add(ref(entry, problems));
        }
        return out;
    }

    /**
     * Why one {@code only}/{@code except} refs entry is compared as a plain name although it looks
     * like a {@code /regex/} (RE2 rejects it), or null when it means what it says. For lint, which
     * reports each entry at its own place.
     */
    public static String refProblem(String entry) {
        List<String> problems = new ArrayList<>(1);
        ref(entry == null ? "" : entry, problems);
        return problems.isEmpty() ? null : problems.getFirst();
    }

    private static RefEntry ref(String entry, List<String> problems) {
        // "The @ symbol denotes the beginning of a ref's repository path"; a regex needs \x40 for '@'.
        int at = entry.indexOf('@');
        String name = at < 0 ? entry : entry.substring(0, at);
        String path = at < 0 ? null : entry.substring(at + 1);
        RegexLiteral regex = null;
        if (name.startsWith("/")) {
            RegexLiteral.Parsed parsed = RegexLiteral.parseRefPattern(name);
            if (parsed.ok()) {
                regex = parsed.regex();
            } else {
                problems.add("ref '" + entry + "' is compared as a plain name: " + parsed.error());
            }
        }
        return new RefEntry(entry, name, regex, path);
    }
}

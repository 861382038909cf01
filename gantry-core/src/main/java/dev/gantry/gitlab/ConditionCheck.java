package dev.gantry.gitlab;

import dev.gantry.expr.gitlab.ExpressionError;
import dev.gantry.expr.gitlab.VariableExpression;
import dev.gantry.match.GitlabGlob;
import dev.gantry.match.OnlyExceptPolicy;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the values that decide whether a job or a pipeline runs, each where it is written, as
 * GitLab treats them when it reads the configuration:
 *
 * <ul>
 *   <li>{@code rules:if} (jobs, {@code workflow:rules}, {@code include:rules}) and
 *       {@code only:variables}/{@code except:variables} are CI/CD variable expressions ("Specify
 *       when jobs run with rules#CI/CD variable expressions"); one that does not parse is an error
 *       (rule {@code invalid-expression}) at the character where the parser stopped.</li>
 *   <li>An {@code only}/{@code except} refs entry written as a {@code /regex/} that RE2 rejects is
 *       compared as a plain name ("Deprecated keywords#only:refs / except:refs"): a warning
 *       ({@code invalid-ref-pattern}), since GitLab accepts it.</li>
 *   <li>{@code rules:changes}, {@code rules:exists} and {@code only:changes} globs: an unclosed
 *       {@code [} or {@code {} is matched literally by fnmatch, a warning ({@code invalid-glob});
 *       more than 50 {@code rules:changes} or {@code rules:exists} entries are an error
 *       ({@code paths-limit}, "CI/CD YAML syntax reference#rules:changes": "maximum of 50
 *       patterns or file paths").</li>
 * </ul>
 *
 * Each {@link RulesParser} keeps one instance, and one parser reads all jobs, so an expression
 * that a template gives to many jobs through {@code extends} is parsed once.
 */
final class ConditionCheck {

    /** The documented limit of {@code rules:changes} and {@code rules:exists} entries. */
    static final int MAX_PATHS = 50;

    private final Reader reader;
    private final Map<String, Optional<ExpressionError>> parsed = new HashMap<>();

    ConditionCheck(Reader reader) {
        this.reader = reader;
    }

    /** Checks one variable expression, written at {@code node}. */
    void expression(YamlNode node) {
        if (!(node instanceof YamlScalar s) || !PsychScalar.isText(s)) {
            return;
        }
        Optional<ExpressionError> error = parsed.computeIfAbsent(s.value(),
                text -> Optional.ofNullable(VariableExpression.parse(text).error()));
        error.ifPresent(e -> reader.diagnostics().error(s.positionOf(e.offset()), RuleIds.INVALID_EXPRESSION,
                "invalid expression syntax: " + e.message()));
    }

    /** Checks {@code only:variables} or {@code except:variables}: one expression or a list of them. */
    void expressions(YamlNode node) {
        scalars(node).forEach(this::expression);
    }

    /** Checks the entries of {@code only:refs} or {@code except:refs} (or the list form of {@code only}). */
    void refs(YamlNode node) {
        for (YamlScalar s : scalars(node)) {
            String problem = OnlyExceptPolicy.refProblem(s.value());
            if (problem != null) {
                reader.warning(s, RuleIds.INVALID_REF_PATTERN, problem);
            }
        }
    }

    /**
     * Checks a list of globs.
     *
     * @param name    the keyword for messages, such as {@code rules:changes}
     * @param limited whether the documented limit of {@value #MAX_PATHS} entries applies
     */
    void globs(YamlNode node, String name, boolean limited) {
        List<YamlScalar> globs = scalars(node);
        if (limited && globs.size() > MAX_PATHS) {
            reader.error(node, RuleIds.PATHS_LIMIT, "'" + name + "' has " + globs.size() + " entries; GitLab allows at"
                    + " most " + MAX_PATHS);
        }
        for (YamlScalar s : globs) {
            String problem = GitlabGlob.compile(s.value()).problem();
            if (problem != null) {
                reader.warning(s, RuleIds.INVALID_GLOB, "glob '" + s.value() + "' in '" + name + "': " + problem);
            }
        }
    }

    /** The string items of a one-string-or-list value; the reader has reported any of the wrong type. */
    private static List<YamlScalar> scalars(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return PsychScalar.isText(s) ? List.of(s) : List.of();
        }
        if (node instanceof YamlSeq seq) {
            return seq.items().stream().filter(i -> i instanceof YamlScalar s && PsychScalar.isText(s))
                    .map(YamlScalar.class::cast).toList();
        }
        return List.of();
    }
}

package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;

/**
 * When a job runs. The two formats decide differently: GitHub evaluates an {@code if:} expression
 * when the job is ready; GitLab evaluates {@code rules} (or {@code only}/{@code except}) when the
 * pipeline is created and {@code when:} against the results of earlier stages.
 */
public sealed interface Condition {

    /** No condition written: GitHub's implicit {@code success()}. */
    record Default() implements Condition {
    }

    /**
     * A GitHub {@code if:}. The text is kept as written (with or without {@code ${{ }}}).
     *
     * @param expression the condition's text
     * @param range      where it is written
     */
    record Expression(String expression, SourceRange range) implements Condition {
    }

    /**
     * GitLab's conditions.
     *
     * @param rules   {@code rules:} in order, or null when the job has none
     * @param only    {@code only:}, or null
     * @param except  {@code except:}, or null
     * @param when    the job's own {@code when:} (default {@link When#ON_SUCCESS})
     * @param startIn {@code start_in:} for delayed jobs, or null
     */
    record Rules(List<Rule> rules, OnlyExcept only, OnlyExcept except, When when, String startIn)
            implements Condition {
        public Rules {
            rules = rules == null ? null : List.copyOf(rules);
        }
    }

    /**
     * GitLab {@code only:} or {@code except:} ("CI/CD YAML syntax reference#only / except").
     *
     * @param refs       refs, keywords ({@code branches}, {@code tags}, {@code merge_requests}, ...) and
     *                   {@code /regex/} patterns
     * @param variables  variable expressions, any of which matching counts
     * @param changes    changed-file globs
     * @param kubernetes {@code kubernetes: active}, or null
     * @param range      where it is written
     */
    record OnlyExcept(List<String> refs, List<String> variables, List<String> changes, String kubernetes,
                      SourceRange range) {
        public OnlyExcept {
            refs = List.copyOf(refs);
            variables = List.copyOf(variables);
            changes = List.copyOf(changes);
        }
    }
}

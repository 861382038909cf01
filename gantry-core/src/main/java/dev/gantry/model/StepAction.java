package dev.gantry.model;

import dev.gantry.diag.SourceRange;
import java.util.List;
import java.util.Map;

/** What a {@link Step} runs. */
public sealed interface StepAction {

    /**
     * A GitHub {@code run:} script, run with the step's shell.
     *
     * @param script the script text as written (expressions unexpanded)
     */
    record Run(String script) implements StepAction {
    }

    /**
     * A GitHub {@code uses:} action.
     *
     * @param reference {@code owner/repo[/path]@ref}, {@code ./path} or {@code docker://image}
     * @param with      inputs in document order, values as written
     */
    record Uses(String reference, Map<String, String> with) implements StepAction {
        public Uses {
            with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        }
    }

    /**
     * GitLab script lines run in one shell session, each printed as {@code $ line} first.
     *
     * @param lines the commands after flattening nested arrays and {@code !reference} tags
     */
    record Script(List<ScriptLine> lines) implements StepAction {
        public Script {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One GitLab script command.
     *
     * @param command the command text (may span lines for a block scalar)
     * @param range   where it is written (for a {@code !reference}, where the referenced line is)
     */
    record ScriptLine(String command, SourceRange range) {
    }
}

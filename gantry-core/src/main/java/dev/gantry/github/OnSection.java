package dev.gantry.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Pipeline;
import java.util.List;

/**
 * Whether the events that trigger a workflow are known although the file has errors: GitHub reads
 * every workflow file on its own ("Triggering a workflow": each workflow file whose {@code on:}
 * matches the event runs), so an error in a workflow the event does not trigger concerns that file
 * only. That is known when the file was read as a workflow and no error lies inside its {@code on:}.
 */
public final class OnSection {

    private OnSection() {
    }

    /**
     * @param workflow    the loaded workflow, or null when the file could not be read as one
     * @param diagnostics every diagnostic of the load
     * @return true when {@code workflow.triggers()} are the workflow's real triggers
     */
    public static boolean readable(Pipeline workflow, List<Diagnostic> diagnostics) {
        if (workflow == null || !(workflow.details() instanceof GithubWorkflow details) || details.on() == null) {
            return false;
        }
        SourceRange on = details.on();
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR)
                .noneMatch(d -> inside(d.range(), on));
    }

    private static boolean inside(SourceRange point, SourceRange range) {
        boolean afterStart = point.line() > range.line() || point.line() == range.line() && point.column() >= range.column();
        boolean beforeEnd = point.line() < range.endLine()
                || point.line() == range.endLine() && point.column() < range.endColumn();
        return afterStart && beforeEnd;
    }
}

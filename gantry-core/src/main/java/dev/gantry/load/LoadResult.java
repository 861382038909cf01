package dev.gantry.load;

import dev.gantry.diag.Diagnostic;
import dev.gantry.model.Pipeline;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading one file: the model when it could be built, and every diagnostic.
 * A pipeline may be present together with errors (the front end recovers where it can), but a
 * caller that runs anything must check {@link #hasErrors()} first.
 *
 * @param file        the file as the user named it
 * @param pipeline    the model, or null when the file could not be understood at all
 * @param diagnostics sorted in print order
 */
public record LoadResult(String file, Pipeline pipeline, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<Pipeline> model() {
        return Optional.ofNullable(pipeline);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.gantry.diag.Severity.ERROR);
    }
}

package dev.gantry.github.action;

import dev.gantry.diag.SourceRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action's metadata file ("Metadata syntax for GitHub Actions", docs.github.com): its name,
 * inputs, outputs and how it runs. Keys of {@code inputs} and {@code outputs} are the ids as written,
 * in document order; callers compare them case-insensitively, as GitHub does.
 *
 * @param name        {@code name}, or null when missing (a warning)
 * @param description {@code description}, or null
 * @param inputs      {@code inputs.<input_id>}
 * @param outputs     {@code outputs.<output_id>}
 * @param runs        {@code runs}
 * @param range       where the document starts
 */
public record ActionMetadata(String name, String description, Map<String, ActionInput> inputs,
                             Map<String, ActionOutput> outputs, ActionRuns runs, SourceRange range) {

    public ActionMetadata {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }
}

package dev.gantry.github.action;

import dev.gantry.diag.SourceRange;

/**
 * One {@code outputs.<output_id>} of an action ("Metadata syntax for GitHub Actions#outputs for
 * composite actions"): a composite action maps it from its inner steps with {@code value}; other
 * kinds set their outputs themselves and only describe them here.
 *
 * @param id          the output id as written
 * @param description {@code description}, or null
 * @param value       {@code value} as written (an expression over the inner steps), or null
 * @param range       where the output is declared
 */
public record ActionOutput(String id, String description, String value, SourceRange range) {
}

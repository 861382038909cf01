package dev.gantry.github.action;

import dev.gantry.diag.SourceRange;

/**
 * One {@code inputs.<input_id>} of an action ("Metadata syntax for GitHub Actions#inputs").
 * {@code required} is advice only: GitHub does not fail a step that leaves a required input out
 * (the action's own code may), so the runner only warns.
 *
 * @param id           the input id as written
 * @param description  {@code description}, or null
 * @param required     {@code required}
 * @param defaultValue {@code default} as written (it may hold expressions), or null when there is none
 * @param deprecation  {@code deprecationMessage}, or null
 * @param range        where the input is declared
 */
public record ActionInput(String id, String description, boolean required, String defaultValue, String deprecation,
                          SourceRange range) {
}

package dev.gantry.runner.report;

/**
 * Which step an event is about.
 *
 * @param index 0-based position in the job (pre and post steps of actions get their own)
 * @param id    the step's {@code id:}, or null
 * @param name  the display name (GitHub: {@code name:}, else "Run " + the first line of the script, or the action)
 */
public record StepRef(int index, String id, String name) {
}

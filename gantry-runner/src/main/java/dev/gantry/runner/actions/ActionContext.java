package dev.gantry.runner.actions;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a built-in action sees and may do: the inputs of its {@code with:}, the job's folders, the
 * step's environment, and the effects a JavaScript action has through the toolkit (outputs,
 * exported variables, PATH entries, saved state, log lines). One instance per step call; used on
 * the job's thread only.
 */
public interface ActionContext {

    /**
     * The value of input {@code name}: the step's {@code with:} value (expressions already
     * evaluated), else "" (the action applies its own documented default, as the original's
     * {@code action.yml} does). Input names are case-insensitive, as on GitHub.
     */
    String input(String name);

    /** Every input the step gave, by name as written. */
    Map<String, String> inputs();

    /** GITHUB_WORKSPACE: the job's workspace. */
    Path workspace();

    /** RUNNER_TEMP: the job's temporary folder, emptied for every job. */
    Path temp();

    /** RUNNER_TOOL_CACHE. */
    Path toolCache();

    /** The repository the run was started in (the source of a local checkout). */
    Path repository();

    /** The environment the step runs with (the host's, the defaults and the workflow's layers). */
    Map<String, String> env();

    /** The {@code github} context of the job (JSON-shaped maps). */
    Map<String, Object> github();

    /** The job's status so far: {@code success}, {@code failure} or {@code cancelled}. */
    String jobStatus();

    /** Sets a step output ({@code steps.<id>.outputs.<name>}). */
    void setOutput(String name, String value);

    /** Exports a variable to later steps (as GITHUB_ENV does). */
    void exportVariable(String name, String value);

    /** Puts a folder in front of PATH for later steps (as GITHUB_PATH does). */
    void addPath(String directory);

    /** Masks a value from now on (as {@code ::add-mask::}). */
    void addMask(String value);

    /** Saves state for the post step ({@code core.saveState}). */
    void saveState(String name, String value);

    /** Reads state the main step saved; "" when none. */
    String state(String name);

    /** Prints a line to the job's log (masked). */
    void log(String line);

    /** Prints a warning annotation; it also appears in the run's summary. */
    void warning(String message);

    /**
     * Records a notice annotation for the run's summary (what was cached or uploaded), printed in
     * the log as well.
     *
     * @param title   a short word for what it is about, for example {@code cache} or {@code artifact}
     * @param message one sentence
     */
    void notice(String title, String message);

    /** Prints a line only when debug output is on ({@code --verbose}, as {@code core.debug}). */
    void debug(String message);

    /** The run's shared stores (cache, artifacts). */
    ActionServices services();
}

package dev.gantry.runner.github;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides, line by line, what each line of a step's stdout means: ordinary output, a workflow
 * command to carry out, or a command to refuse. Keeps the state that spans lines:
 * {@code stop-commands} and {@code echo}.
 *
 * <p>Policy (docs.github.com "Workflow commands for GitHub Actions"; the changelog posts of
 * 2020-10-01 on set-env/add-path and 2022-10-11 on save-state/set-output):
 * <ul>
 *   <li>{@code stop-commands::TOKEN}: every following line is ordinary output until a line
 *       {@code ::TOKEN::} (compared exactly; leading whitespace allowed), which is consumed. An
 *       empty token, or one that names a command, is refused and processing goes on.</li>
 *   <li>{@code echo::on|off}: whether later commands are also shown as they were written.
 *       Off unless the processor was created with echo on (GitHub turns it on with step debug
 *       logging). {@code add-mask} lines are never echoed, since they hold the secret.</li>
 *   <li>{@code set-env} and {@code add-path} are refused as disabled, as on GitHub since November
 *       2020, unless the job sets {@code ACTIONS_ALLOW_UNSECURE_COMMANDS=true}. GitHub fails the
 *       step after printing "Unable to process command ... successfully".</li>
 *   <li>{@code set-output} and {@code save-state} still work on GitHub today (their removal was
 *       postponed), with a deprecation warning; so they are carried out, with that warning.</li>
 *   <li>{@code set-output}, {@code save-state} and {@code set-env} without a {@code name} are
 *       refused.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per step, fed its stdout lines in order (GitHub processes
 * commands on stdout and stderr alike; feeding both streams through one instance in arrival order
 * keeps the stop-commands state shared, as there).
 */
public final class WorkflowCommandProcessor {

    /** What a line means. */
    public sealed interface Outcome permits Print, Execute, Handled, Refuse {
    }

    /** An ordinary line of output, to be shown (masked) as it is. */
    public record Print(String line) implements Outcome {
    }

    /**
     * A command for the caller to carry out.
     *
     * @param command     the command
     * @param line        the line as printed
     * @param echo        whether to show {@code line} in the log
     * @param deprecation a warning to show, for commands GitHub has deprecated
     */
    public record Execute(WorkflowCommand command, String line, boolean echo, Optional<String> deprecation)
            implements Outcome {
    }

    /**
     * A command line fully handled here ({@code stop-commands}, the line that resumes commands,
     * {@code echo}): nothing to do but show the line when {@code echo} says so.
     *
     * @param line the line as printed
     * @param echo whether to show {@code line} in the log
     */
    public record Handled(String line, boolean echo) implements Outcome {
    }

    /**
     * A command that is not carried out; GitHub shows the message as an error and fails the step.
     *
     * @param command the refused command
     * @param line    the line as printed
     * @param message why, in a sentence
     */
    public record Refuse(WorkflowCommand command, String line, String message) implements Outcome {
    }

    private final boolean allowUnsecureCommands;
    private boolean echo;
    private String stopToken;

    /** A processor with echo off that refuses set-env and add-path. */
    public WorkflowCommandProcessor() {
        this(false, false);
    }

    /**
     * @param allowUnsecureCommands the job's environment has {@code ACTIONS_ALLOW_UNSECURE_COMMANDS}
     *                              set to {@code true}: set-env and add-path are carried out
     * @param echo                  commands are echoed from the start (step debug logging)
     */
    public WorkflowCommandProcessor(boolean allowUnsecureCommands, boolean echo) {
        this.allowUnsecureCommands = allowUnsecureCommands;
        this.echo = echo;
    }

    /** Whether commands are currently stopped by {@code stop-commands}. */
    public boolean stopped() {
        return stopToken != null;
    }

    /** What {@code line} means, given the lines before it. Never throws. */
    public Outcome process(String line) {
        if (stopToken != null) {
            if (line.stripLeading().startsWith("::" + stopToken + "::")) {
                stopToken = null;
                return new Handled(line, echo);
            }
            return new Print(line);
        }
        Optional<WorkflowCommand> parsed = WorkflowCommand.parse(line);
        if (parsed.isEmpty()) {
            return new Print(line);
        }
        WorkflowCommand command = parsed.get();
        return switch (command.name()) {
            case "stop-commands" -> stop(command, line);
            case "echo" -> echo(command, line);
            case "add-mask" -> new Execute(command, line, false, Optional.empty());
            case "set-env", "add-path" -> allowUnsecureCommands ? requireName(command, line, Optional.empty())
                    : new Refuse(command, line, "The `" + command.name() + "` command is disabled: use the "
                    + (command.name().equals("set-env") ? "GITHUB_ENV" : "GITHUB_PATH")
                    + " file instead, or set ACTIONS_ALLOW_UNSECURE_COMMANDS to true to allow it");
            case "set-output", "save-state" -> requireName(command, line, Optional.of("The `" + command.name()
                    + "` command is deprecated and will be disabled: write to the "
                    + (command.name().equals("set-output") ? "GITHUB_OUTPUT" : "GITHUB_STATE") + " file instead"));
            default -> new Execute(command, line, echo, Optional.empty());
        };
    }

    private Outcome requireName(WorkflowCommand command, String line, Optional<String> deprecation) {
        boolean needsName = !command.name().equals("add-path");
        if (needsName && command.property("name").isEmpty()) {
            return new Refuse(command, line, "The `" + command.name() + "` command needs a name property");
        }
        return new Execute(command, line, echo, deprecation);
    }

    private Outcome stop(WorkflowCommand command, String line) {
        String token = command.message();
        if (token.isEmpty()) {
            return new Refuse(command, line, "stop-commands needs a token to resume with");
        }
        if (WorkflowCommand.KNOWN.contains(token.toLowerCase(Locale.ROOT))) {
            return new Refuse(command, line, "stop-commands token '" + token + "' is the name of a command");
        }
        stopToken = token;
        return new Handled(line, echo);
    }

    private Outcome echo(WorkflowCommand command, String line) {
        switch (command.message().strip().toLowerCase(Locale.ROOT)) {
            case "on" -> echo = true;
            case "off" -> echo = false;
            default -> {
                return new Refuse(command, line, "echo takes 'on' or 'off'");
            }
        }
        return new Handled(line, echo);
    }
}

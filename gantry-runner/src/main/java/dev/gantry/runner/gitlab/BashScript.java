package dev.gantry.runner.gitlab;

import dev.gantry.model.StepAction;
import java.util.List;

/**
 * The bash script of one GitLab script section ({@code before_script} + {@code script} together, or
 * {@code after_script} alone), as GitLab Runner's bash shell writes it (docs.gitlab.com "Types of
 * shells supported by GitLab Runner", "Bash"; gitlab-runner issue 25394 on its error behaviour):
 *
 * <ul>
 *   <li>{@code set -eo pipefail}: the first command that fails ends the section with its exit code,
 *       a failing command inside a pipeline counts, and a failing command inside {@code &&} or
 *       {@code if} does not (bash's own {@code errexit} rules);</li>
 *   <li>each command is printed as {@code $ command} before it runs, in green ({@code ESC[32;1m}) when
 *       the output goes to a terminal; a multi-line command is printed as its first line followed by
 *       {@code # collapsed multi-line command};</li>
 *   <li>the commands run in one shell session, so variables, functions and the working directory
 *       carry from one line to the next, and from {@code before_script} to {@code script}.</li>
 * </ul>
 *
 * The script is started with {@code bash --noprofile --norc}: unlike the runner's login shell, no
 * profile of this machine is read, so a run does not depend on the user's dotfiles.
 */
final class BashScript {

    private static final String GREEN = "\u001b[32;1m";
    private static final String RESET = "\u001b[0;m";

    private BashScript() {
    }

    /** The script text. */
    static String render(List<StepAction.ScriptLine> lines, boolean colour) {
        StringBuilder out = new StringBuilder("set -eo pipefail\nset +o noclobber\n");
        for (StepAction.ScriptLine line : lines) {
            String command = line.command();
            String shown = "$ " + firstLine(command);
            if (colour) {
                shown = GREEN + shown + RESET;
            }
            out.append("printf '%s\\n' ").append(quote(shown)).append('\n');
            out.append(command).append('\n');
        }
        return out.toString();
    }

    /** The command line that runs a script file. */
    static List<String> argv(java.nio.file.Path script) {
        return List.of("bash", "--noprofile", "--norc", script.toString());
    }

    private static String firstLine(String command) {
        String trimmed = command.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl) + " # collapsed multi-line command";
    }

    /** A bash single-quoted word: {@code '} is written as {@code '\''}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

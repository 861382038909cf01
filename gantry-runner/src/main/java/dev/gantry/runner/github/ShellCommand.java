package dev.gantry.runner.github;

import dev.gantry.runner.container.OptionWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a {@code run:} step's script is started, per docs.github.com "Workflow syntax for GitHub
 * Actions#jobs.&lt;job_id&gt;.steps[*].shell" (non-Windows runners):
 * <ul>
 *   <li>no {@code shell:}: {@code bash -e {0}}, or {@code sh -e {0}} when bash is not on PATH;</li>
 *   <li>{@code bash}: {@code bash --noprofile --norc -eo pipefail {0}};</li>
 *   <li>{@code sh}: {@code sh -e {0}}; {@code python}: {@code python {0}};
 *       {@code pwsh}: {@code pwsh -command ". '{0}'"};</li>
 *   <li>anything else is a custom template that must contain {@code {0}}, the script file's path.</li>
 * </ul>
 *
 * @param argv      the command line with {@code {0}} replaced by the script's path
 * @param extension the script file's extension ({@code .sh}, {@code .py}, {@code .ps1}, or "" for custom)
 */
public record ShellCommand(List<String> argv, String extension) {

    public ShellCommand {
        argv = List.copyOf(argv);
    }

    /** The shell could not be used; the message is for the user. */
    public static final class ShellException extends Exception {
        private static final long serialVersionUID = 1L;

        public ShellException(String message) {
            super(message);
        }
    }

    /**
     * @param shell  the step's (or defaults') {@code shell:}, or null
     * @param script the path of the file that holds the script
     * @param path   the step's PATH, to find bash
     * @throws ShellException for Windows-only shells and templates without {@code {0}}
     */
    public static ShellCommand resolve(String shell, Path script, String path) throws ShellException {
        return resolve(shell, script, path, false);
    }

    /**
     * As {@link #resolve(String, Path, String)}, for a place whose PATH cannot be searched from here
     * (a job container), when it is known to have bash.
     *
     * @param knownBash bash is known to be there, whatever {@code path} says
     */
    public static ShellCommand resolve(String shell, Path script, String path, boolean knownBash) throws ShellException {
        String s = shell == null ? "" : shell.strip();
        String template;
        String extension;
        // The default shell's bash, when found here: also the program to start, so PATH is searched once.
        Optional<Path> bash = Optional.empty();
        switch (s) {
            case "" -> {
                bash = knownBash ? Optional.empty() : locate("bash", path);
                template = knownBash || bash.isPresent() ? "bash -e {0}" : "sh -e {0}";
                extension = ".sh";
            }
            case "bash" -> {
                template = "bash --noprofile --norc -eo pipefail {0}";
                extension = ".sh";
            }
            case "sh" -> {
                template = "sh -e {0}";
                extension = ".sh";
            }
            case "python" -> {
                template = "python {0}";
                extension = ".py";
            }
            case "pwsh" -> {
                template = "pwsh -command \". '{0}'\"";
                extension = ".ps1";
            }
            case "cmd", "powershell" -> throw new ShellException(
                    "shell '" + s + "' runs only on Windows runners; use bash, sh, pwsh or python");
            default -> {
                if (!s.contains("{0}")) {
                    throw new ShellException("a custom shell must contain '{0}' where the script's path goes, e.g. 'perl {0}'");
                }
                template = s;
                extension = "";
            }
        }
        // The template's words as a shell reads them (quotes group, backslashes escape).
        OptionWords words = OptionWords.split(template);
        if (words.error().isPresent()) {
            throw new ShellException("shell '" + s + "' has " + words.error().get());
        }
        List<String> argv = new ArrayList<>();
        for (String word : words.words()) {
            argv.add(word.replace("{0}", script.toString()));
        }
        // The program by its full path, as the runner starts it ("shell: /usr/bin/bash -e {0}"), so
        // that nothing searches PATH again; a place whose PATH cannot be searched keeps the name.
        if (!knownBash && !argv.isEmpty()) {
            bash.or(() -> locate(argv.get(0), path)).ifPresent(found -> argv.set(0, found.toString()));
        }
        return new ShellCommand(argv, extension);
    }

    /** The first executable {@code program} in the folders of {@code path}; empty when none, or no path. */
    private static Optional<Path> locate(String program, String path) {
        if (path == null || program.contains("/")) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}

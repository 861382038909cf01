package dev.gantry.runner.github;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.diag.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the environment files a step writes: GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE
 * ({@link #readAssignments}) and GITHUB_PATH ({@link #readPath}).
 *
 * <p>Format as in "Workflow commands for GitHub Actions", sections "Environment files",
 * "Multiline strings", "Setting an output parameter", "Sending values to the pre and post actions"
 * and "Adding a system path", with the details of GitHub's runner:
 * <ul>
 *   <li>Lines end with {@code \n} or {@code \r\n}; empty lines between entries are skipped.</li>
 *   <li>{@code NAME=value}: the name is everything before the first {@code =}, the value
 *       everything after it up to the line end (it may hold {@code =} and {@code <<}).</li>
 *   <li>{@code NAME<<DELIMITER} (when {@code <<} comes before any {@code =}): the value is the
 *       text of the following lines up to the first line that is exactly {@code DELIMITER}, byte
 *       for byte: empty lines, trailing spaces and {@code \r\n} inside the value are kept; only the
 *       line break just before the delimiter line is not part of the value. The docs' rule that
 *       the delimiter must not occur on a line of its own inside the value follows: such a line
 *       ends the value early, and the lines after it are then reported.</li>
 *   <li>Later assignments of a name replace earlier ones.</li>
 *   <li>GITHUB_ENV may not set {@code NODE_OPTIONS} (any case): the runner refuses it with
 *       "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command." (a step-level
 *       error; the step keeps its result), as hosted runners show.</li>
 * </ul>
 *
 * <p>Problems are {@link Diagnostic}s with rule ids {@code file-command-invalid-format},
 * {@code file-command-invalid-name}, {@code file-command-missing-delimiter},
 * {@code file-command-delimiter-in-value}, {@code file-command-blocked-variable} and
 * {@code file-command-unreadable}, located at the
 * file's display name and line. GitHub fails the step when its file cannot be processed; the
 * entries before the problem still apply here. Messages never quote values, which may be secret.
 * Stateless and thread-safe.
 */
public final class FileCommands {

    private FileCommands() {
    }

    /**
     * The entries of a GITHUB_ENV, GITHUB_OUTPUT or GITHUB_STATE file.
     *
     * @param values      by name, in the order first written; the last assignment wins
     * @param diagnostics problems, in file order
     */
    public record Assignments(Map<String, String> values, List<Diagnostic> diagnostics) {
        /** No assignments: what an empty file holds. */
        public static final Assignments NONE = new Assignments(Map.of(), List.of());

        public Assignments {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * The entries of a GITHUB_PATH file.
     *
     * @param directories one per non-empty line, in file order; the caller prepends each in turn
     *                    to PATH, so a later line ends up before an earlier one and wins
     * @param diagnostics problems reading the file
     */
    public record PathEntries(List<String> directories, List<Diagnostic> diagnostics) {
        /** No entries: what an empty file holds. */
        public static final PathEntries NONE = new PathEntries(List.of(), List.of());

        public PathEntries {
            directories = List.copyOf(directories);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Reads an assignments file; a file the step did not create has no entries. */
    public static Assignments readAssignments(Path file, String displayName) {
        try {
            return parseAssignments(Files.readString(file, StandardCharsets.UTF_8), displayName);
        } catch (NoSuchFileException e) {
            return new Assignments(Map.of(), List.of());
        } catch (IOException e) {
            return new Assignments(Map.of(), List.of(unreadable(displayName, e)));
        }
    }

    /** Parses the text of an assignments file; {@code displayName} locates diagnostics. */
    public static Assignments parseAssignments(String text, String displayName) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Lines lines = new Lines(text);
        String lastDelimiter = null;
        String lastName = null;
        while (lines.next()) {
            String line = lines.line();
            int lineNumber = lines.number();
            if (line.isEmpty()) {
                continue;
            }
            // A bad line right after a multi-line value hints at a delimiter inside that value.
            String suspectDelimiter = lastDelimiter;
            lastDelimiter = null;
            int equals = line.indexOf('=');
            int heredoc = line.indexOf("<<");
            if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
                String name = line.substring(0, equals);
                if (validName(name, displayName, lineNumber, diagnostics)
                        && allowed(name, displayName, lineNumber, diagnostics)) {
                    values.remove(name);
                    values.put(name, line.substring(equals + 1));
                }
            } else if (heredoc >= 0) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                int valueStart = lines.offset();
                int valueEnd = -1;
                while (lines.next()) {
                    if (lines.line().equals(delimiter)) {
                        valueEnd = lines.previousLineEnd();
                        break;
                    }
                }
                if (delimiter.isEmpty() || valueEnd < 0) {
                    diagnostics.add(error(displayName, lineNumber, "file-command-missing-delimiter", delimiter.isEmpty()
                            ? "'" + name + "<<' names no delimiter"
                            : "no line '" + delimiter + "' ends the value of '" + name + "' started here"));
                    return new Assignments(values, diagnostics);
                }
                if (validName(name, displayName, lineNumber, diagnostics)
                        && allowed(name, displayName, lineNumber, diagnostics)) {
                    values.remove(name);
                    values.put(name, valueEnd > valueStart ? text.substring(valueStart, valueEnd) : "");
                }
                lastName = name;
                lastDelimiter = delimiter;
            } else if (suspectDelimiter != null && lines.remainingHasLine(suspectDelimiter)) {
                diagnostics.add(error(displayName, lineNumber, "file-command-delimiter-in-value",
                        "the value of '" + lastName + "' seems to contain its delimiter '" + suspectDelimiter
                                + "' on a line of its own; use a delimiter that cannot occur in the value"));
                return new Assignments(values, diagnostics);
            } else {
                diagnostics.add(error(displayName, lineNumber, "file-command-invalid-format",
                        "line is neither NAME=value nor NAME<<DELIMITER"));
            }
        }
        return new Assignments(values, diagnostics);
    }

    /** Reads a GITHUB_PATH file; a file the step did not create has no entries. */
    public static PathEntries readPath(Path file, String displayName) {
        try {
            return parsePath(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new PathEntries(List.of(), List.of());
        } catch (IOException e) {
            return new PathEntries(List.of(), List.of(unreadable(displayName, e)));
        }
    }

    /** Parses the text of a GITHUB_PATH file: one directory per line, as written. */
    public static PathEntries parsePath(String text) {
        List<String> directories = new ArrayList<>();
        Lines lines = new Lines(text);
        while (lines.next()) {
            if (!lines.line().isEmpty()) {
                directories.add(lines.line());
            }
        }
        return new PathEntries(directories, List.of());
    }

    private static boolean validName(String name, String file, int line, List<Diagnostic> diagnostics) {
        boolean valid = !name.isEmpty() && name.codePoints().noneMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c));
        if (!valid) {
            diagnostics.add(error(file, line, "file-command-invalid-name", name.isEmpty()
                    ? "the name before '=' or '<<' is empty"
                    : "'" + name + "' is not a valid name: it holds white space or control characters"));
        }
        return valid;
    }

    /**
     * False, with the runner's error, for {@code NODE_OPTIONS} (in any case) in GITHUB_ENV: the
     * runner refuses it there, since it would change how every later JavaScript action runs; the
     * step still succeeds and the other entries apply.
     */
    private static boolean allowed(String name, String file, int line, List<Diagnostic> diagnostics) {
        if (file.equals("GITHUB_ENV") && name.equalsIgnoreCase("NODE_OPTIONS")) {
            diagnostics.add(error(file, line, "file-command-blocked-variable",
                    "Can't store " + name + " output parameter using '$GITHUB_ENV' command."));
            return false;
        }
        return true;
    }

    private static Diagnostic unreadable(String file, IOException e) {
        return error(file, 1, "file-command-unreadable", "cannot read the file: " + e.getMessage());
    }

    private static Diagnostic error(String file, int line, String rule, String message) {
        return new Diagnostic(Severity.ERROR, SourceRange.at(file, line, 1), message, rule);
    }

    /** A cursor over the lines of a text, remembering offsets so values can be cut out exactly. */
    private static final class Lines {
        private final String text;
        private int offset;        // start of the next line
        private int start = -1;    // start of the current line
        private int contentEnd;    // end of the current line without its terminator
        private int previousContentEnd;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        boolean next() {
            if (offset >= text.length()) {
                return false;
            }
            previousContentEnd = contentEnd;
            start = offset;
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                contentEnd = text.length();
                offset = text.length();
            } else {
                contentEnd = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
                offset = newline + 1;
            }
            number++;
            return true;
        }

        String line() {
            return text.substring(start, contentEnd);
        }

        int number() {
            return number;
        }

        /** Start of the next line: where a multi-line value begins. */
        int offset() {
            return offset;
        }

        /** End of the previous line's content: where a multi-line value ends. */
        int previousLineEnd() {
            return previousContentEnd;
        }

        boolean remainingHasLine(String wanted) {
            Lines rest = new Lines(text.substring(offset));
            while (rest.next()) {
                if (rest.line().equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }
}

package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.runner.github.FileCommands.Assignments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommandsTest {

    private static Assignments parse(String text) {
        return FileCommands.parseAssignments(text, "GITHUB_OUTPUT");
    }

    private static List<String> problems(Assignments a) {
        return a.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void singleLineAssignments() {
        Assignments a = parse("A=1\nB=x=y<<z\n\nC=\r\nD=with trailing space \n");
        assertThat(a.values()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y<<z"), Map.entry("C", ""),
                Map.entry("D", "with trailing space "));
        assertThat(a.diagnostics()).isEmpty();
    }

    @Test
    void githubEnvRefusesNodeOptionsInAnyCaseAndKeepsTheRest() {
        Assignments a = FileCommands.parseAssignments("NODE_OPTIONS=--require evil.js\nOK=1\nnode_options<<E\nx\nE\n",
                "GITHUB_ENV");
        assertThat(a.values()).containsExactly(Map.entry("OK", "1"));
        assertThat(a.diagnostics()).extracting(d -> d.rule() + ": " + d.message()).containsExactly(
                "file-command-blocked-variable: Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
                "file-command-blocked-variable: Can't store node_options output parameter using '$GITHUB_ENV' command.");
        assertThat(FileCommands.parseAssignments("NODE_OPTIONS=x\n", "GITHUB_OUTPUT").values())
                .as("an output may have the name").containsEntry("NODE_OPTIONS", "x");
    }

    @Test
    void aMultiLineValueComesBackByteForByte() {
        String value = "first line\n\n  indented  \ttrailing spaces   \n\nlast line without newline";
        Assignments a = parse("before=1\nbody<<EOF_MARK\n" + value + "\nEOF_MARK\nafter=2\n");
        assertThat(a.values()).containsExactly(Map.entry("before", "1"), Map.entry("body", value), Map.entry("after", "2"));
        assertThat(a.diagnostics()).isEmpty();
    }

    @Test
    void multiLineValueEdgeCases() {
        assertThat(parse("A<<EOF\nEOF\n").values()).containsExactly(Map.entry("A", ""));
        assertThat(parse("A<<EOF\n\nEOF\n").values()).containsExactly(Map.entry("A", ""));
        assertThat(parse("A<<EOF\n\n\nEOF").values()).as("the delimiter may end the file").containsExactly(Map.entry("A", "\n"));
        assertThat(parse("A<<EOF\nEOFX\n EOF\nEOF\n").values()).as("only an exact line ends the value")
                .containsExactly(Map.entry("A", "EOFX\n EOF"));
        assertThat(parse("A<<EOF=1\nx\nEOF=1\n").values()).as("'<<' before '=' makes a delimiter")
                .containsExactly(Map.entry("A", "x"));
    }

    @Test
    void crlfLineEndsAreAcceptedAndKeptInsideMultiLineValues() {
        Assignments a = parse("A=1\r\nB<<EOF\r\nx\r\n\r\ny\r\nEOF\r\nC=3\r\n");
        assertThat(a.values()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x\r\n\r\ny"), Map.entry("C", "3"));
        assertThat(a.diagnostics()).isEmpty();
    }

    @Test
    void laterAssignmentsWin() {
        assertThat(parse("A=1\nB=2\nA=3\n").values()).containsExactly(Map.entry("B", "2"), Map.entry("A", "3"));
    }

    @Test
    void aMissingDelimiterIsAnError() {
        Assignments a = parse("A=1\nB<<EOF\nvalue\nEOF \n");
        assertThat(a.values()).containsExactly(Map.entry("A", "1"));
        assertThat(problems(a)).containsExactly(
                "GITHUB_OUTPUT:2:1: error: no line 'EOF' ends the value of 'B' started here [file-command-missing-delimiter]");
        assertThat(problems(parse("B<<\nx\n"))).singleElement().asString().contains("names no delimiter");
    }

    @Test
    void invalidNamesAreErrors() {
        Assignments a = parse("=1\nMY VAR=2\nTAB\tX<<E\nv\nE\nOK=3\n");
        assertThat(a.values()).containsExactly(Map.entry("OK", "3"));
        assertThat(problems(a)).containsExactly(
                "GITHUB_OUTPUT:1:1: error: the name before '=' or '<<' is empty [file-command-invalid-name]",
                "GITHUB_OUTPUT:2:1: error: 'MY VAR' is not a valid name: it holds white space or control characters [file-command-invalid-name]",
                "GITHUB_OUTPUT:3:1: error: 'TAB\tX' is not a valid name: it holds white space or control characters [file-command-invalid-name]");
    }

    @Test
    void aLineThatIsNoAssignmentIsAnErrorThatDoesNotQuoteIt() {
        Assignments a = parse("A=1\nsecret-looking text\n   \nB=2\n");
        assertThat(a.values()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(problems(a)).containsExactly(
                "GITHUB_OUTPUT:2:1: error: line is neither NAME=value nor NAME<<DELIMITER [file-command-invalid-format]",
                "GITHUB_OUTPUT:3:1: error: line is neither NAME=value nor NAME<<DELIMITER [file-command-invalid-format]");
    }

    @Test
    void theDelimiterOnALineOfItsOwnInsideTheValueIsReported() {
        Assignments a = parse("notes<<EOF\nfirst\nEOF\nsecond\nEOF\n");
        assertThat(a.values()).containsExactly(Map.entry("notes", "first"));
        assertThat(problems(a)).containsExactly("GITHUB_OUTPUT:4:1: error: the value of 'notes' seems to contain its "
                + "delimiter 'EOF' on a line of its own; use a delimiter that cannot occur in the value "
                + "[file-command-delimiter-in-value]");
    }

    @Test
    void readsFilesAsUtf8AndAMissingFileHasNoEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("output");
        Files.writeString(file, "greeting<<END\nHallo Wörld 🎉\nEND\n", StandardCharsets.UTF_8);
        assertThat(FileCommands.readAssignments(file, "GITHUB_OUTPUT").values())
                .containsExactly(Map.entry("greeting", "Hallo Wörld 🎉"));
        assertThat(FileCommands.readAssignments(dir.resolve("absent"), "GITHUB_ENV").values()).isEmpty();
        assertThat(FileCommands.readAssignments(dir, "GITHUB_ENV").diagnostics()).singleElement()
                .extracting(Diagnostic::rule).isEqualTo("file-command-unreadable");
    }

    @Test
    void pathFileHasOneDirectoryPerLineInOrder(@TempDir Path dir) throws IOException {
        assertThat(FileCommands.parsePath("/opt/a\r\n\n/opt/b with space \n/opt/c").directories())
                .containsExactly("/opt/a", "/opt/b with space ", "/opt/c");
        Path file = dir.resolve("path");
        Files.writeString(file, "/first\n/second\n");
        assertThat(FileCommands.readPath(file, "GITHUB_PATH").directories()).containsExactly("/first", "/second");
        assertThat(FileCommands.readPath(dir.resolve("absent"), "GITHUB_PATH").directories()).isEmpty();
    }
}

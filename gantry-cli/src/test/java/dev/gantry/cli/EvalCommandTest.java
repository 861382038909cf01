package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gantry eval} as a user calls it: value as JSON on stdout and exit 0, or a diagnostic and exit 2. */
class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return Main.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheValueAsJson() {
        assertThat(run("eval", "'1' == 1")).isZero();
        assertThat(stdout()).isEqualTo("true\n");
    }

    @Test
    void acceptsTheExpressionInsideDollarBraces() {
        assertThat(run("eval", "${{ format('{{0}}', 'x') }}")).isZero();
        assertThat(stdout()).isEqualTo("\"{0}\"\n");
    }

    @Test
    void textAroundAnExpressionMakesAString() {
        assertThat(run("eval", "v${{ 1.50 }}")).isZero();
        assertThat(stdout()).isEqualTo("\"v1.5\"\n");
    }

    @Test
    void readsContextsFromTheContextFile() throws IOException {
        Path ctx = dir.resolve("ctx.json");
        Files.writeString(ctx, """
                {"github": {"ref": "refs/heads/main", "event": {"commits": [{"id": "a"}, {"id": "b"}]}},
                 "matrix": {"node": 20}}
                """);
        assertThat(run("eval", "--context", ctx.toString(), "github.event.commits.*.id")).isZero();
        assertThat(stdout()).isEqualTo("[\n  \"a\",\n  \"b\"\n]\n");
        out.reset();
        assertThat(run("eval", "--context", ctx.toString(), "startsWith(github.ref, 'refs/heads/') && matrix.node"))
                .isZero();
        assertThat(stdout()).isEqualTo("20\n");
    }

    @Test
    void statusFunctionsFollowTheJobStatusInTheContextFile() throws IOException {
        Path ctx = dir.resolve("ctx.json");
        Files.writeString(ctx, "{\"job\": {\"status\": \"failure\"}}");
        assertThat(run("eval", "--context", ctx.toString(), "failure() && !success()")).isZero();
        assertThat(stdout()).isEqualTo("true\n");
    }

    @Test
    void hashFilesReadsTheCurrentDirectory() throws Exception {
        // Tests run in the module folder, which holds pom.xml.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String expected = HexFormat.of().formatHex(
                sha.digest(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("pom.xml")))));
        assertThat(run("eval", "hashFiles('pom.xml')")).isZero();
        assertThat(stdout()).isEqualTo("\"" + expected + "\"\n");
    }

    @Test
    void aParseErrorIsADiagnosticWithItsColumn() {
        assertThat(run("eval", "github.ref ==")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("<expression>:1:14: error: unexpected end of expression [expression]\n");
    }

    @Test
    void anEvaluationErrorIsADiagnostic() {
        assertThat(run("eval", "format('{1}', 'a')")).isEqualTo(2);
        assertThat(stderr()).startsWith("<expression>:1:1: error: the format string '{1}' refers to argument {1}");
    }

    @Test
    void errorColumnsCountInsideDollarBraces() {
        assertThat(run("eval", "${{ True }}")).isEqualTo(2);
        assertThat(stderr()).startsWith("<expression>:1:5: error: unrecognized named-value 'True'");
    }

    @Test
    void anUnreadableContextFileIsBadInput() throws IOException {
        Path ctx = dir.resolve("bad.json");
        Files.writeString(ctx, "{not json");
        assertThat(run("eval", "--context", ctx.toString(), "1")).isEqualTo(2);
        assertThat(stderr()).startsWith("gantry eval: cannot read the context file");
        err.reset();
        Files.writeString(ctx, "[1]");
        assertThat(run("eval", "--context", ctx.toString(), "1")).isEqualTo(2);
        assertThat(stderr()).contains("expected a JSON object");
    }

    @Test
    void gitlabEvaluatesRulesIfWithAFlatVariableMap() throws IOException {
        Path ctx = dir.resolve("vars.json");
        Files.writeString(ctx, "{\"EMPTY\": \"\", \"BRANCH\": \"$NAME\", \"NAME\": \"FEAT-1\", \"A\": \"x\"}");
        assertThat(run("eval", "--lang", "gitlab", "--context", ctx.toString(), "$BRANCH =~ /^feat/i")).isZero();
        assertThat(stdout()).isEqualTo("true\n");
        out.reset();
        assertThat(run("eval", "--lang", "gitlab", "--context", ctx.toString(), "$UNDEFINED == null && $EMPTY != null"))
                .isZero();
        assertThat(stdout()).isEqualTo("true\n");
        out.reset();
        assertThat(run("eval", "--lang", "gitlab", "--context", ctx.toString(), "$EMPTY")).isZero();
        assertThat(stdout()).isEqualTo("false\n");
    }

    @Test
    void gitlabSyntaxErrorIsADiagnosticWithExit2() {
        assertThat(run("eval", "--lang", "gitlab", "$A == 'x' &&")).isEqualTo(2);
        assertThat(stderr()).startsWith("<expression>:1:").contains("error:").contains("[expression]");
    }
}

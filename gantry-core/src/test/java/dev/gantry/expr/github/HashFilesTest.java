package dev.gantry.expr.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Evaluate expressions in workflows and actions#hashfiles": several patterns, {@code !} exclusions,
 * {@code **}, paths relative to the workspace, one SHA-256 over the files' own SHA-256 digests in
 * the runner's search order, {@code ''} when nothing matches.
 */
class HashFilesTest {

    @TempDir
    Path ws;

    @BeforeEach
    void workspace() throws IOException {
        write("a.lock", "a\n");
        write("README.md", "readme\n");
        write("sub/b.lock", "b\n");
        write("vendor/c.lock", "c\n");
        write("vendor/deep/d.lock", "d\n");
        write(".hidden/e.lock", "e\n");
        write("lib/x.rb", "x\n");
        write("lib/foo/y.rb", "y\n");
    }

    @Test
    void exclusionsLeaveVendorFilesOut() {
        // Depth-first, names in byte order: ".hidden" < "a.lock" < "sub" < "vendor".
        assertThat(hash("hashFiles('**/*.lock', '!vendor/**')"))
                .isEqualTo(expected(".hidden/e.lock", "a.lock", "sub/b.lock"));
    }

    @Test
    void noMatchIsEmpty() {
        assertThat(hash("hashFiles('**/*.nothing')")).isEmpty();
        assertThat(hash("hashFiles('**/*.lock', '!**')")).isEmpty();
        assertThat(hash("hashFiles('missing/**')")).isEmpty();
    }

    @Test
    void digestIsShaOfTheFilesDigestsComputedIndependently() throws IOException {
        Path other = ws.resolve("other");
        write("other/x.txt", "hello\n");
        // sha256(sha256("hello\n")), computed outside Java.
        assertThat(evaluate(other, "hashFiles('x.txt')"))
                .isEqualTo("ecb65bb98f9d905b70458986c39fcbad7715e5f2fcc3b1f07767d7c83e2438cc");
    }

    @Test
    void patternsAreSearchedInTheOrderGiven() {
        // sha256(sha256("b\n") + sha256("a\n")), computed outside Java: sub/ first, then a.lock.
        assertThat(hash("hashFiles('sub/**', 'a.lock')"))
                .isEqualTo("5e48c52efd764422ec109a0a745c8651ff9fabb8aa4870e46ad44929a811a325");
        assertThat(hash("hashFiles('a.lock', 'sub/**')"))
                .isEqualTo("6ec7b73f58839768f5eb006d96b02ebaa7bf3d30c5daaccc832663c8266e0931");
    }

    @Test
    void aLaterPatternCanIncludeAgainWhatAnExclusionRemoved() {
        assertThat(hash("hashFiles('**/*.lock', '!vendor/**', 'vendor/deep/d.lock')"))
                .isEqualTo(expected(".hidden/e.lock", "a.lock", "sub/b.lock", "vendor/deep/d.lock"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "hashFiles('vendor')                     | vendor/c.lock vendor/deep/d.lock",
        "hashFiles('vendor/')                    | vendor/c.lock vendor/deep/d.lock",
        "hashFiles('*.lock')                     | a.lock",
        "hashFiles('/lib/**/*.rb', '!/lib/foo/*.rb') | lib/x.rb",
        "hashFiles('/lib/**/*.rb')               | lib/foo/y.rb lib/x.rb",
        "hashFiles('./sub/*.lock')               | sub/b.lock",
        "hashFiles('s?b/[ab].lock')              | sub/b.lock",
        "hashFiles('**/[!ab].lock')              | .hidden/e.lock vendor/c.lock vendor/deep/d.lock",
        "hashFiles('**/package-lock.json', '**/*.md') | README.md",
        "hashFiles('a.lock\\nsub/b.lock')         | a.lock sub/b.lock",
        "hashFiles('# comment\\na.lock')          | a.lock",
        "hashFiles('--follow-symbolic-links', 'a.lock') | a.lock",
        "hashFiles('A.LOCK')                     | ''",
    })
    void matchesFilesLikeTheGlobPackage(String expression, String files) {
        String expected = files.equals("''") ? "" : expected(files.split(" "));
        assertThat(hash(expression.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "hashFiles('../outside')      | relative paths are not allowed",
        "hashFiles('sub/../a.lock')   | relative paths are not allowed",
        "hashFiles('--bogus', 'a')    | unknown option '--bogus'",
        "hashFiles('~/x')             | home directory",
    })
    void rejectsPatternsTheRunnerRejects(String expression, String message) {
        Result<Object> r = Expression.parse(expression).flatMap(e -> e.evaluate(context(ws)));
        assertThat(r.errorOrNull()).isNotNull();
        assertThat(r.errorOrNull().message()).contains(message);
    }

    private String hash(String expression) {
        return evaluate(ws, expression);
    }

    private static String evaluate(Path root, String expression) {
        return (String) Expression.parse(expression).flatMap(e -> e.evaluate(context(root))).value();
    }

    private static EvalContext context(Path root) {
        return EvalContext.empty().withWorkspace(new NioWorkspaceFiles(root));
    }

    private String expected(String... files) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                all.update(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ws.resolve(f))));
            }
            return HexFormat.of().formatHex(all.digest());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void write(String path, String content) throws IOException {
        Path p = ws.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}

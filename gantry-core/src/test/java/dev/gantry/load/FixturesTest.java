package dev.gantry.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Severity;
import dev.gantry.model.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixture corpus: {@code fixtures/<format>/valid} and {@code fixtures/<format>/invalid}.
 *
 * <p>A fixture is a YAML file, or (GitLab, for includes) a folder whose {@code .gitlab-ci.yml} is
 * the entry point. Beside it, {@code NAME.expected} lists the exact diagnostics, one
 * {@link Diagnostic#format()} line each, file names relative to the fixture's folder. Every invalid
 * fixture has one with at least one error; a valid fixture has none (no diagnostics at all) or one
 * that holds only warnings.
 *
 * <p>Run with {@code -Dgantry.writeGolden=true} to write missing or changed golden files; review
 * each one before committing it.
 */
class FixturesTest {

    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final boolean WRITE = Boolean.getBoolean("gantry.writeGolden");

    @TestFactory
    Stream<DynamicTest> githubValid() throws IOException {
        return fixtures(Format.GITHUB, "github", true);
    }

    @TestFactory
    Stream<DynamicTest> githubInvalid() throws IOException {
        return fixtures(Format.GITHUB, "github", false);
    }

    @TestFactory
    Stream<DynamicTest> gitlabValid() throws IOException {
        return fixtures(Format.GITLAB, "gitlab", true);
    }

    @TestFactory
    Stream<DynamicTest> gitlabInvalid() throws IOException {
        return fixtures(Format.GITLAB, "gitlab", false);
    }

    /** Every fixture of the corpus, for other tests (fuzzing) that want the same inputs. */
    static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Stream<DynamicTest> fixtures(Format format, String folder, boolean valid) throws IOException {
        Path dir = ROOT.resolve(folder).resolve(valid ? "valid" : "invalid");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
        return entries.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(),
                () -> check(format, p, valid)));
    }

    private static void check(Format format, Path fixture, boolean valid) throws IOException {
        LoadResult result = Files.isDirectory(fixture)
                ? PipelineLoader.load(".gitlab-ci.yml", new DirectorySourceFiles(fixture), format)
                : PipelineLoader.load(fixture.getFileName().toString(), new DirectorySourceFiles(fixture.getParent()), format);
        List<String> actual = result.diagnostics().stream().map(Diagnostic::format).toList();
        String base = fixture.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path golden = fixture.resolveSibling(base + ".expected");
        if (WRITE && (!actual.isEmpty() || Files.exists(golden))) {
            Files.write(golden, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.exists(golden) ? Files.readAllLines(golden, StandardCharsets.UTF_8) : List.of();
        expected = expected.stream().filter(l -> !l.isBlank()).toList();
        assertThat(actual).as("diagnostics of %s", fixture).containsExactlyElementsOf(expected);
        if (valid) {
            assertThat(result.diagnostics()).as("a valid fixture has only warnings")
                    .allMatch(d -> d.severity() == Severity.WARNING);
            assertThat(result.pipeline()).as("a valid fixture gives a model").isNotNull();
        } else {
            assertThat(result.hasErrors()).as("an invalid fixture has at least one error").isTrue();
        }
    }
}

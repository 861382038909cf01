package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.Severity;
import dev.gantry.github.action.ActionMetadata;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.model.StepAction;
import dev.gantry.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Action metadata files: {@code actions/valid} and {@code actions/invalid} fixtures with golden
 * diagnostics beside them ({@code NAME.expected}, one {@link Diagnostic#format()} line each; none for
 * a clean file), and the model read from the valid ones.
 */
class ActionMetadataParserTest {

    private static final Path ROOT = Path.of("src/test/resources/actions");
    private static final boolean WRITE = Boolean.getBoolean("gantry.writeGolden");

    record Parsed(ActionMetadata metadata, List<Diagnostic> diagnostics) {
    }

    static Parsed parse(Path file) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        ActionMetadata metadata = YamlLoader.load(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8), diagnostics)
                .map(root -> ActionMetadataParser.parse(root, diagnostics)).orElse(null);
        return new Parsed(metadata, diagnostics.sorted());
    }

    @TestFactory
    Stream<DynamicTest> fixturesReportExactlyTheirGoldenDiagnostics() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
        }
    }

    private static void check(Path fixture) throws IOException {
        Parsed parsed = parse(fixture);
        List<String> actual = parsed.diagnostics().stream().map(Diagnostic::format).toList();
        Path golden = fixture.resolveSibling(fixture.getFileName().toString().replace(".yml", ".expected"));
        if (WRITE && !actual.isEmpty()) {
            Files.write(golden, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.exists(golden) ? Files.readAllLines(golden, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList() : List.of();
        assertThat(actual).containsExactlyElementsOf(expected);
        boolean valid = fixture.getParent().getFileName().toString().equals("valid");
        assertThat(parsed.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR))
                .as("errors in %s", fixture).isEqualTo(!valid);
    }

    @Test
    void aCompositeActionKeepsItsInputsOutputsAndSteps() throws IOException {
        ActionMetadata action = parse(ROOT.resolve("valid/composite.yml")).metadata();

        assertThat(action.name()).isEqualTo("Greet");
        assertThat(action.inputs().get("who").required()).isTrue();
        assertThat(action.inputs().get("who").defaultValue()).isNull();
        assertThat(action.inputs().get("greeting").defaultValue()).isEqualTo("Hello");
        assertThat(action.outputs().get("message").value()).isEqualTo("${{ steps.say.outputs.text }}");
        ActionRuns.Composite runs = (ActionRuns.Composite) action.runs();
        assertThat(runs.steps()).hasSize(2);
        assertThat(runs.steps().get(0).id()).isEqualTo("say");
        assertThat(runs.steps().get(0).shell()).isEqualTo("bash");
        assertThat(runs.steps().get(0).env()).extracting(v -> v.name()).containsExactly("WHO");
        assertThat(runs.steps().get(1).condition()).isEqualTo("${{ inputs.who != '' }}");
        assertThat(runs.steps().get(1).action()).isEqualTo(new StepAction.Uses("./.github/actions/other",
                java.util.Map.of("value", "x")));
    }

    @Test
    void aJavaScriptActionsPreAndPostConditionsDefaultToAlways() throws IOException {
        ActionRuns.Node node = (ActionRuns.Node) parse(ROOT.resolve("valid/node.yml")).metadata().runs();

        assertThat(node).isEqualTo(new ActionRuns.Node("node20", "dist/index.js", "setup.js", "always()",
                "cleanup.js", "success()"));
        ActionRuns.Node bare = (ActionRuns.Node) parse(ROOT.resolve("valid/no-name.yml")).metadata().runs();
        assertThat(bare.pre()).isNull();
        assertThat(bare.postIf()).isEqualTo("always()");
    }

    @Test
    void aDockerActionKeepsItsImageArgsAndEntrypoints() throws IOException {
        ActionRuns.Docker docker = (ActionRuns.Docker) parse(ROOT.resolve("valid/docker.yml")).metadata().runs();

        assertThat(docker.image()).isEqualTo("Dockerfile");
        assertThat(docker.args()).containsExactly("${{ inputs.who }}", "second");
        assertThat(docker.env()).extracting(v -> v.name() + "=" + v.value()).containsExactly("MODE=fast");
        assertThat(docker.entrypoint()).isEqualTo("/entry.sh");
        assertThat(docker.preEntrypoint()).isNull();
        assertThat(docker.postEntrypoint()).isEqualTo("/cleanup.sh");
        assertThat(docker.postIf()).isEqualTo("always()");
    }
}

package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub front end never fails on broken input: every GitHub fixture, mutated many times
 * (characters replaced, lines dropped, repeated or re-indented, text cut short), loads into
 * diagnostics or a model, never into the loader's "internal error" diagnostic that stands for an
 * exception of ours. The seed is fixed, so a failure repeats.
 */
class MutatedWorkflowsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/github");
    private static final int MUTATIONS_PER_FILE = 20;
    private static final String NOISE = "{}[]:-#&*!|>'\"%@`$ \n\tab1.";

    @Test
    void noMutationMakesTheFrontEndFail() throws IOException {
        Random random = new Random(20240611L);
        List<String> failures = new ArrayList<>();
        for (Path file : files()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                String mutated = mutate(text, random);
                LoadResult result = PipelineLoader.load("w.yml", new OneFile(mutated), Format.GITHUB);
                result.diagnostics().stream().filter(d -> d.rule().equals("internal"))
                        .map(Diagnostic::format).findFirst()
                        .ifPresent(d -> failures.add(file.getFileName() + " mutation " + d + "\n" + mutated));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.isEmpty()) {
            return text;
        }
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(5)) {
            case 0 -> {
                StringBuilder b = new StringBuilder(text);
                for (int n = 0; n < 3 && !b.isEmpty(); n++) {
                    b.setCharAt(random.nextInt(b.length()), NOISE.charAt(random.nextInt(NOISE.length())));
                }
                yield b.toString();
            }
            case 1 -> {
                lines.remove(line);
                yield String.join("\n", lines);
            }
            case 2 -> {
                lines.add(line, lines.get(line));
                yield String.join("\n", lines);
            }
            case 3 -> {
                lines.set(line, "  " + lines.get(line));
                yield String.join("\n", lines);
            }
            default -> text.substring(0, random.nextInt(text.length() + 1));
        };
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** A repository holding one file. */
    private record OneFile(String text) implements SourceFiles {
        @Override
        public Optional<String> read(String path) {
            return Optional.of(text);
        }

        @Override
        public List<String> glob(String glob) {
            return List.of();
        }
    }
}

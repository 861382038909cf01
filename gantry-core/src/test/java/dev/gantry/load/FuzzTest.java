package dev.gantry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gantry.model.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates every file of the fixture corpus (byte flips, truncations, deleted and repeated lines,
 * changed indentation) and loads each mutant with both front ends. Each one must end in
 * diagnostics or a model: an exception reaching {@link PipelineLoader}'s safety net shows up as an
 * {@code internal} diagnostic and fails the test, as does any error thrown past it.
 */
class FuzzTest {

    private static final int MUTANTS_PER_FIXTURE = 12;
    private static final long SEED = 20261130L;

    @Test
    void mutatedFixturesEndInDiagnosticsOrAModel() throws IOException {
        List<Path> corpus = FixturesTest.all();
        assertThat(corpus).as("fixture corpus").isNotEmpty();
        Random random = new Random(SEED);
        int loaded = 0;
        for (Path fixture : corpus) {
            String text = Files.readString(fixture, StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
                String mutant = mutate(text, random);
                for (Format format : Format.values()) {
                    loadOrFail(fixture, i, format, mutant);
                    loaded++;
                }
            }
        }
        assertThat(loaded).isGreaterThanOrEqualTo(corpus.size() * MUTANTS_PER_FIXTURE * 2);
    }

    private static void loadOrFail(Path fixture, int index, Format format, String mutant) {
        SourceFiles files = new SingleFile("f.yml", mutant);
        LoadResult result;
        try {
            result = PipelineLoader.load("f.yml", files, format);
        } catch (Throwable t) {
            fail("mutant " + index + " of " + fixture + " as " + format + " threw " + t + "\n---\n" + mutant, t);
            return;
        }
        assertThat(result.diagnostics())
                .as("mutant %d of %s as %s:%n%s", index, fixture, format, mutant)
                .noneMatch(d -> d.rule().equals("internal"));
        assertThat(result.pipeline() != null || result.hasErrors())
                .as("mutant %d of %s: a model or an error", index, fixture).isTrue();
    }

    static String mutate(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return "x";
        }
        return switch (random.nextInt(6)) {
            case 0 -> { // flip a few bytes to printable ASCII or YAML punctuation
                String punct = ":-[]{}&*!|>'\"%@`#,? \t\n";
                for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                    bytes[random.nextInt(bytes.length)] = (byte) punct.charAt(random.nextInt(punct.length()));
                }
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case 1 -> new String(bytes, 0, random.nextInt(bytes.length), StandardCharsets.UTF_8); // truncate
            case 2 -> editLines(text, random, false); // delete lines
            case 3 -> editLines(text, random, true);  // repeat a line
            case 4 -> reindent(text, random);
            default -> { // random byte anywhere, including invalid UTF-8
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                yield new String(bytes, StandardCharsets.UTF_8);
            }
        };
    }

    private static String editLines(String text, Random random, boolean repeat) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        if (repeat) {
            lines.add(at, lines.get(at));
        } else {
            int count = 1 + random.nextInt(Math.min(3, lines.size() - at));
            for (int k = 0; k < count; k++) {
                lines.remove(at);
            }
        }
        return String.join("\n", lines);
    }

    private static String reindent(String text, Random random) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        lines.set(at, (random.nextBoolean() ? "  " : "") + lines.get(at).stripLeading());
        return String.join("\n", lines);
    }

    /** A repository of one file, so includes and globs find nothing else. */
    private record SingleFile(String name, String text) implements SourceFiles {
        @Override
        public Optional<String> read(String path) {
            return path.equals(name) ? Optional.of(text) : Optional.empty();
        }

        @Override
        public List<String> glob(String glob) {
            return List.of();
        }
    }

}

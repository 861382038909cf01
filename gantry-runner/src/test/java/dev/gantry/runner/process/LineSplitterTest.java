package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();

    private void feed(LineSplitter splitter, byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            splitter.accept(bytes, i, Math.min(chunk, bytes.length - i), lines::add);
        }
        splitter.finish(lines::add);
    }

    private List<String> split(String text, int chunk) {
        lines.clear();
        feed(new LineSplitter(16 << 20), text.getBytes(StandardCharsets.UTF_8), chunk);
        return List.copyOf(lines);
    }

    @Test
    void splitsOnNewlineAndStripsCarriageReturnBeforeIt() {
        assertThat(split("a\nb\r\nc\r\n", 1000)).containsExactly("a", "b", "c");
    }

    @Test
    void keepsEmptyLinesAndCarriageReturnsInsideALine() {
        assertThat(split("\n\nx\ry\n", 1000)).containsExactly("", "", "x\ry");
    }

    @Test
    void deliversAFinalLineWithoutNewlineAtTheEnd() {
        assertThat(split("one\ntwo", 1000)).containsExactly("one", "two");
        assertThat(split("", 1000)).isEmpty();
    }

    @Test
    void theSameLinesWhateverTheChunkSize() {
        String text = "αβγ\r\nline two with 🎉 emoji\n\nlast";
        for (int chunk = 1; chunk < 12; chunk++) {
            assertThat(split(text, chunk)).as("chunk %d", chunk)
                    .containsExactly("αβγ", "line two with 🎉 emoji", "", "last");
        }
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        lines.clear();
        feed(new LineSplitter(1000), new byte[] {'a', (byte) 0xFF, (byte) 0xC3, '\n', 0, 'b', '\n'}, 3);
        assertThat(lines).containsExactly("a\uFFFD\uFFFD", "\u0000b");
    }

    @Test
    void aLongLineComesOutWhole() {
        String big = "x".repeat(3_000_000);
        List<String> result = split(big + "\nend\n", 8192);
        assertThat(result).hasSize(2);
        assertThat(result.get(0).equals(big)).as("the 3 MB line is intact").isTrue();
        assertThat(result.get(1)).isEqualTo("end");
    }

    @Test
    void aLineBeyondTheCapComesInPiecesCutAtCharacterBoundaries() {
        lines.clear();
        // 'é' is two bytes: a cap of 5 must not cut one in half.
        feed(new LineSplitter(5), "ééééé\n".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(lines).containsExactly("éé", "éé", "é");
        assertThat(String.join("", lines)).isEqualTo("ééééé");
    }

    @Test
    void aLineOfExactlyTheCapIsNotFollowedByAnEmptyPiece() {
        lines.clear();
        feed(new LineSplitter(4), "abcd\nef\n".getBytes(StandardCharsets.UTF_8), 2);
        assertThat(lines).containsExactly("abcd", "ef");
    }
}

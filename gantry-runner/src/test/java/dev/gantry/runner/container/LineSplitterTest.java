package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static List<String> split(int maxLineBytes, byte[]... chunks) {
        LineSplitter splitter = new LineSplitter(maxLineBytes);
        List<String> lines = new ArrayList<>();
        for (byte[] chunk : chunks) {
            splitter.accept(chunk, lines::add);
        }
        splitter.finish(lines::add);
        return lines;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsChunksAndCutsAtNewlines() {
        assertThat(split(1024, utf8("one\ntw"), utf8("o\r\n\nthree"))).containsExactly("one", "two", "", "three");
    }

    @Test
    void aCharacterSplitAcrossChunksStaysWhole() {
        byte[] euro = utf8("€\n");
        assertThat(split(1024, new byte[] {euro[0]}, new byte[] {euro[1], euro[2], euro[3]})).containsExactly("€");
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        assertThat(split(1024, new byte[] {'a', (byte) 0xff, 'b', '\n'})).containsExactly("a\uFFFDb");
    }

    @Test
    void longLinesComeInPiecesCutBetweenCharacters() {
        assertThat(split(4, utf8("abcdefghij\n"))).containsExactly("abcd", "efgh", "ij");
        assertThat(split(4, utf8("abc€x\n"))).containsExactly("abc", "€x");
        assertThat(split(4, utf8("abcd\n"))).containsExactly("abcd");
    }

    @Test
    void aLoneCarriageReturnInTheMiddleIsKept() {
        assertThat(split(1024, utf8("50%\r100%\n"))).containsExactly("50%\r100%");
    }
}

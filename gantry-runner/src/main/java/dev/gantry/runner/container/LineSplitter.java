package dev.gantry.runner.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts one output stream into lines: on {@code \n}, dropping a {@code \r} just before it; a last
 * line without {@code \n} comes out of {@link #finish}. Bytes are decoded as UTF-8 with U+FFFD for
 * anything malformed. A line longer than {@code maxLineBytes} is emitted in pieces cut at a
 * character boundary, so output without newlines cannot exhaust memory. Not thread-safe.
 */
final class LineSplitter {

    private final int maxLineBytes;
    private byte[] pending = new byte[256];
    private int length;

    LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Feeds bytes and emits every line they complete. */
    void accept(byte[] bytes, Consumer<String> out) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start, out);
                emitLine(out);
                start = i + 1;
            }
        }
        append(bytes, start, bytes.length - start, out);
    }

    /** Emits the last line when the stream did not end with a newline. */
    void finish(Consumer<String> out) {
        if (length > 0) {
            emitLine(out);
        }
    }

    private void append(byte[] bytes, int offset, int count, Consumer<String> out) {
        while (count > 0) {
            // Cut only when more bytes arrive, so a line of exactly maxLineBytes stays whole.
            if (length >= maxLineBytes) {
                emitPiece(out);
            }
            int take = Math.min(count, maxLineBytes - length);
            if (length + take > pending.length) {
                pending = Arrays.copyOf(pending, Math.min(maxLineBytes, Math.max(length + take, pending.length * 2)));
            }
            System.arraycopy(bytes, offset, pending, length, take);
            length += take;
            offset += take;
            count -= take;
        }
    }

    private void emitLine(Consumer<String> out) {
        int end = length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
        out.accept(new String(pending, 0, end, StandardCharsets.UTF_8));
        length = 0;
    }

    /** Emits the longest prefix of the full buffer that does not split a UTF-8 character. */
    private void emitPiece(Consumer<String> out) {
        int lead = length - 1;
        // Step back over at most 3 continuation bytes (10xxxxxx) to the character's first byte.
        while (lead > 0 && length - lead < 4 && (pending[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int first = pending[lead] & 0xFF;
        int size = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
        int end = lead + size > length && lead > 0 ? lead : length;
        out.accept(new String(pending, 0, end, StandardCharsets.UTF_8));
        System.arraycopy(pending, end, pending, 0, length - end);
        length -= end;
    }
}

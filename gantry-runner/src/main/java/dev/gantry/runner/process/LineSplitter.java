package dev.gantry.runner.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines: on {@code \n}, dropping a {@code \r} just before it; a final line
 * without {@code \n} comes out of {@link #finish}. Bytes are decoded as UTF-8 with U+FFFD for
 * anything malformed, so binary output cannot break a line apart or throw. A line that grows
 * beyond {@code maxLineBytes} is emitted in pieces, each cut at a UTF-8 character boundary.
 * Not thread-safe: one instance per stream, fed by one thread.
 */
final class LineSplitter {

    private final int maxLineBytes;
    private byte[] pending = new byte[256];
    private int pendingLength;

    LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Feeds {@code length} bytes and emits every line they complete. */
    void accept(byte[] bytes, int offset, int length, Consumer<String> out) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start, out);
                emit(out);
                start = i + 1;
            }
        }
        append(bytes, start, end - start, out);
    }

    /** Emits the final line if the stream did not end with a newline. */
    void finish(Consumer<String> out) {
        if (pendingLength > 0) {
            emit(out);
        }
    }

    private void append(byte[] bytes, int offset, int length, Consumer<String> out) {
        while (length > 0) {
            // Cut only when more bytes arrive, so a line of exactly maxLineBytes stays whole.
            if (pendingLength == maxLineBytes) {
                emitPiece(out);
            }
            int take = Math.min(maxLineBytes - pendingLength, length);
            ensureCapacity(pendingLength + take);
            System.arraycopy(bytes, offset, pending, pendingLength, take);
            pendingLength += take;
            offset += take;
            length -= take;
        }
    }

    /** Emits the longest prefix of a full buffer that ends on a character boundary. */
    private void emitPiece(Consumer<String> out) {
        int cut = pendingLength;
        // Step back over at most three continuation bytes (10xxxxxx) to the lead byte, and cut
        // before it unless the character is complete.
        int back = 0;
        while (back < 3 && cut - back - 1 >= 0 && (pending[cut - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        int lead = cut - back - 1;
        if (lead >= 0 && sequenceLength(pending[lead]) > back + 1) {
            cut = lead;
        }
        if (cut == 0) {
            cut = pendingLength;
        }
        out.accept(new String(pending, 0, cut, StandardCharsets.UTF_8));
        System.arraycopy(pending, cut, pending, 0, pendingLength - cut);
        pendingLength -= cut;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return b >= 0xC0 ? 2 : 1;
    }

    private void emit(Consumer<String> out) {
        int length = pendingLength;
        if (length > 0 && pending[length - 1] == '\r') {
            length--;
        }
        out.accept(new String(pending, 0, length, StandardCharsets.UTF_8));
        pendingLength = 0;
        if (pending.length > 64 * 1024) {
            pending = new byte[256]; // do not keep a huge buffer after one huge line
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, Math.min(maxLineBytes, pending.length * 2)));
        }
    }
}

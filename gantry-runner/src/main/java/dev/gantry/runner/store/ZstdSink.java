package dev.gantry.runner.store;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A zstd-compressing sink over a channel, working on direct buffers only: file contents are read
 * by the kernel straight into the input buffer, compressed from there, and the output buffer goes
 * to the channel without a copy. (Streams over heap arrays would copy every byte twice more.) Not
 * thread-safe; the compression itself may use worker threads of the zstd library.
 */
final class ZstdSink implements AutoCloseable {

    private static final int BUFFER = 1 << 20;

    private final WritableByteChannel channel;
    private final ZstdCompressCtx context = new ZstdCompressCtx();
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER);

    /**
     * @param level   zstd level
     * @param workers compression threads (0: compress on the calling thread)
     */
    ZstdSink(WritableByteChannel channel, int level, int workers) {
        this.channel = channel;
        context.setLevel(level);
        context.setWorkers(workers);
        context.setChecksum(true);
    }

    /** Appends bytes. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!in.hasRemaining()) {
                compress(EndDirective.CONTINUE);
            }
            int n = Math.min(length, in.remaining());
            in.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /**
     * Appends up to {@code count} bytes read from {@code file} at its current position.
     *
     * @return how many bytes were read; fewer than {@code count} when the file ended first
     */
    long transferFrom(FileChannel file, long count) throws IOException {
        long done = 0;
        while (done < count) {
            if (!in.hasRemaining()) {
                compress(EndDirective.CONTINUE);
            }
            int limit = in.limit();
            in.limit((int) Math.min(limit, in.position() + (count - done)));
            int n = file.read(in);
            in.limit(limit);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** Compresses what is buffered, ends the frame and writes everything to the channel. */
    void finish() throws IOException {
        compress(EndDirective.END);
    }

    private void compress(EndDirective directive) throws IOException {
        in.flip();
        boolean done;
        do {
            done = context.compressDirectByteBufferStream(out, in, directive);
            if (!out.hasRemaining() || directive != EndDirective.CONTINUE || !in.hasRemaining()) {
                drain();
            }
        } while (in.hasRemaining() || (directive != EndDirective.CONTINUE && !done));
        in.clear();
    }

    private void drain() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    @Override
    public void close() {
        context.close();
    }
}

package dev.gantry.runner.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output stream of a step, written by the step's processes into a regular file and read back
 * here as it grows.
 *
 * <p>Why a file and not a pipe: the JDK closes the read end of a {@code Process}'s stdout pipe as
 * soon as the main process exits. A background process the step started (a test server, say)
 * then gets EPIPE or SIGPIPE at its next write, typically while a later step is talking to it,
 * whereas on GitHub it keeps running until the job ends. A regular file never blocks a writer and
 * never breaks: whatever is written after the step ended simply stays unread. Not thread-safe:
 * owned by the thread that runs {@link StepProcess#await}.
 */
final class OutputFile implements AutoCloseable {

    private final Path path;
    private final StreamKind stream;
    /**
     * A plain stream, not a {@code FileChannel}: an interrupt of the reading thread (which
     * {@link StepProcess#await} takes as a cancel) would close an interruptible channel mid-read.
     */
    private final FileInputStream input;
    private final LineSplitter splitter;
    private final byte[] buffer = new byte[64 * 1024];

    OutputFile(Path path, StreamKind stream, int maxLineBytes) throws IOException {
        this.path = path;
        this.stream = stream;
        this.input = new FileInputStream(path.toFile());
        this.splitter = new LineSplitter(maxLineBytes);
    }

    Path path() {
        return path;
    }

    /**
     * Delivers the complete lines written since the last call.
     *
     * @return whether any bytes were read
     */
    boolean poll(OutputListener listener) throws IOException {
        boolean read = false;
        int n;
        while ((n = input.read(buffer)) > 0) {
            splitter.accept(buffer, 0, n, line -> listener.line(stream, line));
            read = true;
        }
        return read;
    }

    /** Delivers everything written so far, including a last line without newline. */
    void drain(OutputListener listener) throws IOException {
        poll(listener);
        splitter.finish(line -> listener.line(stream, line));
    }

    /** Closes and deletes the file; background writers keep their now unlinked copy. */
    @Override
    public void close() throws IOException {
        input.close();
        Files.deleteIfExists(path);
    }
}

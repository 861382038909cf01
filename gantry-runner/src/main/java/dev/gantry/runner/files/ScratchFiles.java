package dev.gantry.runner.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Creates the short-lived files of one job (each step's script and output file) in one folder,
 * the expected ones made ahead of need on a background thread and renamed into place when asked
 * for.
 *
 * <p>Why: creating a file allocates an inode, which some file systems do slowly. On the test VM's
 * ext4 (no journal) it took 0.3–0.9 ms, the more so the more files were deleted in the minutes
 * before, since ext4 then skips recently freed inodes one by one; two files per step made it the
 * largest cost of a short step. A rename only writes a directory entry. A job that does not say how
 * many files it needs gets them created on request, as {@link Files#createFile} does.
 *
 * <p>Made-ahead files are named {@code .spare-N} in the folder. {@link #close()} waits for the ones
 * under way and deletes them; call it before the folder is deleted. Thread-safe.
 */
public final class ScratchFiles implements AutoCloseable {

    /** Files made ahead at most: a step asks for two (its script, then its output). */
    private static final int AHEAD = 2;
    private static final ExecutorService MAKER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("gantry-scratch-files").factory());

    private final Path directory;
    private final ArrayDeque<CompletableFuture<Path>> spares = new ArrayDeque<>();
    /** Files still to be asked for, beyond those under way in {@link #spares}. */
    private int expected;
    private int made;
    private int numbered;

    /**
     * @param directory     an existing folder owned by the job
     * @param expectedFiles how many files the job is likely to ask for (0 when unknown); a wrong
     *                      guess costs at most a few files made for nothing
     */
    public ScratchFiles(Path directory, int expectedFiles) {
        this.directory = directory;
        this.expected = Math.max(0, expectedFiles);
        topUp();
    }

    /**
     * Creates an empty file named {@code name} in the folder.
     *
     * @return its path
     * @throws FileAlreadyExistsException when that file exists
     * @throws IOException when it cannot be created
     */
    public synchronized Path create(String name) throws IOException {
        Path target = directory.resolve(name);
        Path spare = nextSpare();
        if (spare == null) {
            Files.createFile(target);
        } else {
            try {
                Files.move(spare, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(spare);
                throw e;
            } catch (IOException e) {
                // The spare is gone (a step emptied the folder, RUNNER_TEMP say): made on request,
                // which reports the cause if the folder itself is gone.
                Files.deleteIfExists(spare);
                Files.createFile(target);
            }
        }
        topUp();
        return target;
    }

    /**
     * Creates an empty file with a name of its own: {@code prefix}, a number not used before in
     * this folder by this object, {@code suffix}; a name something else took is skipped.
     *
     * @return its path
     * @throws IOException when it cannot be created
     */
    public synchronized Path createNumbered(String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return create(prefix + ++numbered + suffix);
            } catch (FileAlreadyExistsException e) {
                // A step made a file of that name: try the next number.
            }
        }
    }

    /** Waits for the files under way and deletes every made-ahead file; later calls create on request. */
    @Override
    public synchronized void close() {
        expected = 0;
        while (!spares.isEmpty()) {
            Path spare = settled(spares.poll());
            if (spare != null) {
                try {
                    Files.deleteIfExists(spare);
                } catch (IOException ignored) {
                    // The folder is deleted with the run.
                }
            }
        }
    }

    /** The next made-ahead file, or null when none was expected or making it failed. */
    private Path nextSpare() {
        CompletableFuture<Path> next = spares.poll();
        if (next == null) {
            expected = Math.max(0, expected - 1);
            return null;
        }
        return settled(next);
    }

    private void topUp() {
        while (spares.size() < AHEAD && expected > 0) {
            expected--;
            Path spare = directory.resolve(".spare-" + ++made);
            spares.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.createFile(spare);
                } catch (IOException e) {
                    // Then that one file is created on request, which reports the cause.
                    return null;
                }
            }, MAKER));
        }
    }

    private static Path settled(CompletableFuture<Path> spare) {
        try {
            return spare.join();
        } catch (CompletionException e) {
            return null;
        }
    }
}

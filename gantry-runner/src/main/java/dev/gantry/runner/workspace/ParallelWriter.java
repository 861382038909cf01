package dev.gantry.runner.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes workspace entries with several threads. Creating many small files is bound by system
 * calls (open, write, fchmod, utimes, close), which run in parallel in the kernel, so a few threads
 * beat one even on two cores. Directories are created first, in one thread, so that file writers
 * never race to create the same parent. Each file is a full copy: never a hard link, because steps
 * may modify files in place and must not change the user's tree.
 */
final class ParallelWriter {

    /** Writes one entry below the workspace root; one instance per task, so it may hold a reader. */
    interface EntryWriter extends AutoCloseable {
        void write(WorkspaceEntry entry, Path target) throws IOException;

        @Override
        default void close() {
        }
    }

    /** Creates one {@link EntryWriter} per batch of entries. */
    interface WriterFactory {
        EntryWriter open() throws IOException;
    }

    private static final int BATCH = 128;

    private final int threads;

    ParallelWriter(int threads) {
        this.threads = threads;
    }

    void writeAll(List<WorkspaceEntry> entries, Path root, WriterFactory factory) throws IOException {
        TreeSet<String> directories = new TreeSet<>();
        for (WorkspaceEntry entry : entries) {
            int slash = entry.path().lastIndexOf('/');
            if (slash > 0) {
                directories.add(entry.path().substring(0, slash));
            }
        }
        for (String directory : directories) {
            Files.createDirectories(root.resolve(directory));
        }
        if (threads <= 1 || entries.size() <= BATCH) {
            writeBatch(entries, root, factory);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gantry-workspace-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < entries.size(); from += BATCH) {
                List<WorkspaceEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
                futures.add(pool.submit(() -> {
                    writeBatch(batch, root, factory);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause()
                    : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the workspace", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeBatch(List<WorkspaceEntry> batch, Path root, WriterFactory factory) throws IOException {
        try (EntryWriter writer = factory.open()) {
            for (WorkspaceEntry entry : batch) {
                Path target = root.resolve(entry.path());
                if (entry.kind() == WorkspaceEntry.Kind.GITLINK) {
                    Files.createDirectories(target);
                } else {
                    writer.write(entry, target);
                }
            }
        }
    }
}

package dev.gantry.runner.process;

import java.io.IOException;
import dev.gantry.runner.files.ScratchFiles;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Starts the processes of one job's steps on this machine, each as the leader of a new session
 * (so of a new process group), with stdin from {@code /dev/null} and stdout and stderr written to
 * one file in the job's scratch directory (see {@link OutputFile} for why not pipes), so their
 * lines keep the order they were written in.
 *
 * <p>One instance per job: it shares the job's {@link ProcessGroupRegistry}, which the job empties
 * with {@link ProcessGroupRegistry#killAll()} when it ends. Thread-safe: steps may be started
 * from any thread.
 */
public final class ProcessLauncher {

    private final SessionSpawner spawner;
    private final ProcessGroupRegistry registry;
    private final StopSettings settings;
    private final ScratchFiles scratch;

    /**
     * A launcher that starts processes the fastest way this JVM and machine allow
     * ({@link SessionSpawners}), and with {@code session} until that is ready.
     *
     * @param scratch the job's files (for example in RUNNER_TEMP), where each step's output file
     *                lives while it runs
     */
    public ProcessLauncher(SessionLauncher session, ProcessGroupRegistry registry, StopSettings settings,
                           ScratchFiles scratch) {
        this(SessionSpawners.preferred(new JdkSessionSpawner(session)), registry, settings, scratch);
    }

    ProcessLauncher(SessionSpawner spawner, ProcessGroupRegistry registry, StopSettings settings,
                    ScratchFiles scratch) {
        this.spawner = spawner;
        this.registry = registry;
        this.settings = settings;
        this.scratch = scratch;
    }

    /**
     * Starts {@code spec}. Never throws for a bad spec: when the process cannot be started (the
     * program or the working directory does not exist...), the returned step's
     * {@link StepProcess#await} reports it in {@link ProcessResult#startFailure()}.
     */
    public StepProcess start(ProcessSpec spec) {
        long startNanos = System.nanoTime();
        OutputFile out = null;
        try {
            // Open the file for reading before the process exists, so that no failure can leave a
            // running process whose output nobody reads. stderr shares stdout's file, as a terminal
            // shows the two: in the order they were written (and one file less per step).
            out = new OutputFile(scratch.createNumbered("step-", ".log"),
                    StreamKind.STDOUT, settings.maxLineBytes());
            if (!Files.isDirectory(spec.workingDirectory())) {
                throw new IOException("working directory " + spec.workingDirectory() + " does not exist");
            }
            ChildProcess process = spawner.spawn(spec.command(), spec.workingDirectory(), spec.environment(), out.path());
            ProcessGroup group = new ProcessGroup(process.pid());
            registry.register(group);
            return StepProcess.started(process, group, spec, settings, registry, out, startNanos);
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            return StepProcess.failed(Optional.ofNullable(e.getMessage()).orElse(e.toString()), startNanos);
        }
    }

    private static void closeQuietly(OutputFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the scratch directory is removed with the job
            }
        }
    }
}

package dev.gantry.runner.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts processes with the C library's {@code posix_spawn}, called through the Foreign Function
 * &amp; Memory API (JDK 22+, JEP 454), and reaps them with {@code waitpid} on a thread of its own.
 *
 * <p>Why: the JDK's {@link ProcessBuilder} starts its {@code jspawnhelper} program, which execs
 * the setsid program, which execs the step's shell; here the C library's {@code vfork}-style
 * clone execs the shell directly, the new session made by {@code POSIX_SPAWN_SETSID}. One program
 * start instead of three: on the 2-core test VM a loop of {@code bash -e script} took 1.7 ms per
 * process this way against 4.3 ms through the JDK (docs/PERFORMANCE.md).
 *
 * <p>What the child gets, in this order (POSIX.1-2024 {@code posix_spawn} and its file actions):
 * the working directory ({@code posix_spawn_file_actions_addchdir_np}); stdin from
 * {@code /dev/null}; stdout and stderr opened for appending on the output file;
 * every other descriptor closed ({@code posix_spawn_file_actions_addclosefrom_np}: the JVM's own
 * files and pipes must not leak into a step, which could otherwise hold another process's pipe
 * open for as long as it runs); an empty signal mask and default dispositions for the signals a
 * step's shell relies on (a JVM blocks {@code SIGQUIT} in its threads, and a JVM started in the
 * background of a non-interactive shell ignores {@code SIGINT}, which the step must not inherit).
 * A program name without {@code /} is found on the new environment's {@code PATH}
 * ({@link ProgramSearch}); a file that is not a binary and has no {@code #!} line runs with
 * {@code /bin/sh}, as {@code execvp} does.
 *
 * <p>Linux with glibc 2.34 or newer only: the constants below are Linux's, and the two
 * {@code _np} file actions are glibc's. {@link #load()} refuses anything else, and
 * {@link SessionSpawners} then keeps the JDK's way.
 */
final class PosixSessionSpawner implements SessionSpawner {

    // Linux (generic and x86-64 alike) and glibc values.
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_APPEND = 0x400;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    private static final int EINTR = 4;
    private static final int ENOENT = 2;
    private static final int ENOEXEC = 8;
    /** Signals whose disposition the child resets: HUP, INT, QUIT, PIPE, ALRM, TERM, CHLD, TSTP, TTIN, TTOU, XFSZ. */
    private static final int[] DEFAULT_SIGNALS = {1, 2, 3, 13, 14, 15, 17, 20, 21, 22, 25};
    /** Larger than glibc's {@code posix_spawn_file_actions_t} (80 bytes), {@code posix_spawnattr_t} (336) and {@code sigset_t} (128). */
    private static final long OPAQUE_SIZE = 1024;

    private static final ExecutorService REAPERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("gantry-step-reaper").factory());

    private final Functions c;
    /** The spawn attributes, the same for every child: set once, then only read. */
    private final MemorySegment attributes;

    private PosixSessionSpawner(Functions c, MemorySegment attributes) {
        this.c = c;
        this.attributes = attributes;
    }

    /**
     * Links the C functions and prepares the spawn attributes.
     *
     * @throws IllegalStateException when this is not Linux with glibc 2.34+
     */
    static PosixSessionSpawner load() throws Throwable {
        if (!System.getProperty("os.name").equals("Linux")) {
            throw new IllegalStateException("not Linux");
        }
        Functions c = new Functions(Linker.nativeLinker());
        MemorySegment attributes = Arena.global().allocate(OPAQUE_SIZE, 16);
        MemorySegment signals = Arena.global().allocate(OPAQUE_SIZE, 16);
        check((int) c.attrInit.invokeExact(attributes), "posix_spawnattr_init");
        check((int) c.attrSetFlags.invokeExact(attributes,
                (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)), "posix_spawnattr_setflags");
        // The set starts empty (all bits clear): it is the child's signal mask as it is.
        check((int) c.attrSetSigMask.invokeExact(attributes, signals), "posix_spawnattr_setsigmask");
        for (int signal : DEFAULT_SIGNALS) {
            // Linux's sigset_t is a bit array of unsigned longs: signal n is bit n - 1.
            long word = signals.get(JAVA_LONG, 0);
            signals.set(JAVA_LONG, 0, word | (1L << (signal - 1)));
        }
        check((int) c.attrSetSigDefault.invokeExact(attributes, signals), "posix_spawnattr_setsigdefault");
        return new PosixSessionSpawner(c, attributes);
    }

    @Override
    public ChildProcess spawn(List<String> command, Path directory, Map<String, String> environment, Path output)
            throws IOException {
        // Not found is refused here: handed to posix_spawn, a bare name would be a path relative to
        // the working directory, and a file of that name there would run.
        String program = ProgramSearch.find(command.get(0), environment.get("PATH"), directory)
                .map(Path::toString).orElseThrow(() -> SessionSpawner.cannotRun(command, directory, ENOENT));
        int pid;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(OPAQUE_SIZE, 16);
            check((int) c.actionsInit.invokeExact(actions), "posix_spawn_file_actions_init");
            try {
                check((int) c.addChdir.invokeExact(actions, cString(arena, directory.toString())), "addchdir");
                check((int) c.addOpen.invokeExact(actions, 0, cString(arena, "/dev/null"), O_RDONLY, 0), "addopen");
                // stderr opens the file a second time rather than duplicating stdout: with O_APPEND
                // every write still lands at the end, in order, and one C signature less is linked.
                MemorySegment out = cString(arena, output.toAbsolutePath().toString());
                check((int) c.addOpen.invokeExact(actions, 1, out, O_WRONLY | O_APPEND, 0), "addopen");
                check((int) c.addOpen.invokeExact(actions, 2, out, O_WRONLY | O_APPEND, 0), "addopen");
                check((int) c.addCloseFrom.invokeExact(actions, 3), "addclosefrom");
                MemorySegment pidOut = arena.allocate(JAVA_INT);
                MemorySegment envp = envp(arena, environment);
                int error = spawn(pidOut, program, actions, stringArray(arena, command), envp, arena);
                if (error == ENOEXEC) {
                    // A script without "#!": execvp hands it to the shell, and so does this.
                    List<String> viaShell = new ArrayList<>(List.of("/bin/sh", program));
                    viaShell.addAll(command.subList(1, command.size()));
                    error = spawn(pidOut, "/bin/sh", actions, stringArray(arena, viaShell), envp, arena);
                }
                if (error != 0) {
                    throw SessionSpawner.cannotRun(command, directory, error);
                }
                pid = pidOut.get(JAVA_INT, 0);
            } finally {
                int ignored = (int) c.actionsDestroy.invokeExact(actions);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        REAPERS.execute(() -> {
            try {
                exit.complete(reap(pid));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        });
        return new ChildProcess(pid, exit);
    }

    private int spawn(MemorySegment pidOut, String path, MemorySegment actions, MemorySegment argv, MemorySegment envp,
                      Arena arena) throws Throwable {
        return (int) c.spawn.invokeExact(pidOut, cString(arena, path), actions, attributes, argv, envp);
    }

    /** Waits for {@code pid} to exit and returns its status as {@link Process#exitValue()} does. */
    private int reap(int pid) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment state = arena.allocate(Functions.CAPTURE);
            while (true) {
                int r = (int) c.waitpid.invokeExact(state, pid, status, 0);
                if (r == pid) {
                    int s = status.get(JAVA_INT, 0);
                    int signal = s & 0x7f;
                    return signal == 0 ? (s >> 8) & 0xff : 0x80 + signal;
                }
                int errno = (int) Functions.ERRNO.get(state, 0L);
                if (errno != EINTR) {
                    // ECHILD: someone else reaped it; nothing is left to wait for.
                    return 0x80 + 9;
                }
            }
        }
    }

    private static MemorySegment envp(Arena arena, Map<String, String> environment) {
        List<String> entries = new ArrayList<>(environment.size());
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name: '" + e.getKey() + "'");
            }
            entries.add(e.getKey() + "=" + e.getValue());
        }
        return stringArray(arena, entries);
    }

    /**
     * A NULL-terminated array of pointers to NUL-terminated UTF-8 copies of {@code strings}, all in
     * one zeroed block: one allocation per spawn instead of one per variable (which cost 0.2 ms a
     * step).
     */
    private static MemorySegment stringArray(Arena arena, List<String> strings) {
        byte[][] bytes = new byte[strings.size()][];
        long total = 0;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = cBytes(strings.get(i));
            total += bytes[i].length + 1;
        }
        long pointers = ADDRESS.byteSize() * (bytes.length + 1L);
        MemorySegment block = arena.allocate(pointers + total, ADDRESS.byteAlignment());
        long at = pointers;
        for (int i = 0; i < bytes.length; i++) {
            MemorySegment.copy(bytes[i], 0, block, JAVA_BYTE, at, bytes[i].length);
            block.setAtIndex(ADDRESS, i, block.asSlice(at));
            at += bytes[i].length + 1;
        }
        block.setAtIndex(ADDRESS, bytes.length, MemorySegment.NULL);
        return block;
    }

    /** UTF-8 bytes of {@code s}; a NUL inside is refused, as {@link ProcessBuilder} refuses it. */
    private static byte[] cBytes(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character in '" + s.replace('\0', '?') + "'");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A NUL-terminated UTF-8 copy of {@code s} (the arena's memory comes zeroed). */
    private static MemorySegment cString(Arena arena, String s) {
        byte[] bytes = cBytes(s);
        MemorySegment copy = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, copy, JAVA_BYTE, 0, bytes.length);
        return copy;
    }

    private static void check(int result, String function) {
        if (result != 0) {
            throw new IllegalStateException(function + " failed: " + Errno.describe(result));
        }
    }

    /** The linked C functions; fewer distinct signatures link faster, so several share one. */
    private static final class Functions {

        static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

        final MethodHandle actionsInit;
        final MethodHandle actionsDestroy;
        final MethodHandle addChdir;
        final MethodHandle addOpen;
        final MethodHandle addCloseFrom;
        final MethodHandle attrInit;
        final MethodHandle attrSetFlags;
        final MethodHandle attrSetSigMask;
        final MethodHandle attrSetSigDefault;
        final MethodHandle spawn;
        final MethodHandle waitpid;

        Functions(Linker linker) {
            SymbolLookup libc = linker.defaultLookup();
            libc.find("gnu_get_libc_version").orElseThrow(() -> new IllegalStateException("not glibc"));
            FunctionDescriptor pointer = FunctionDescriptor.of(JAVA_INT, ADDRESS);
            FunctionDescriptor twoPointers = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
            actionsInit = link(linker, libc, "posix_spawn_file_actions_init", pointer);
            actionsDestroy = link(linker, libc, "posix_spawn_file_actions_destroy", pointer);
            addChdir = link(linker, libc, "posix_spawn_file_actions_addchdir_np", twoPointers);
            addOpen = link(linker, libc, "posix_spawn_file_actions_addopen",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
            addCloseFrom = link(linker, libc, "posix_spawn_file_actions_addclosefrom_np",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
            attrInit = link(linker, libc, "posix_spawnattr_init", pointer);
            attrSetFlags = link(linker, libc, "posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
            attrSetSigMask = link(linker, libc, "posix_spawnattr_setsigmask", twoPointers);
            attrSetSigDefault = link(linker, libc, "posix_spawnattr_setsigdefault", twoPointers);
            spawn = link(linker, libc, "posix_spawn",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
            waitpid = linker.downcallHandle(symbol(libc, "waitpid"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.captureCallState("errno"));
        }

        private static MethodHandle link(Linker linker, SymbolLookup libc, String name, FunctionDescriptor descriptor) {
            return linker.downcallHandle(symbol(libc, name), descriptor);
        }

        private static MemorySegment symbol(SymbolLookup libc, String name) {
            return libc.find(name).orElseThrow(() -> new IllegalStateException("no " + name + " in the C library"));
        }
    }
}

package dev.gantry.runner.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The process groups one job started, so that whatever its steps left running can be killed when
 * the job ends.
 *
 * <p>A step is finished when its main process exits; background processes it started
 * ({@code server &}) keep running into later steps, as on GitHub, where the runner kills them
 * only when the job ends ("Cleaning up orphan processes" in the "Complete job" step). Every
 * {@link StepProcess} registers its group here when it starts and reports its main process's exit;
 * the job calls {@link #killAll()} once, after its last step (also after a cancellation).
 *
 * <p>Pid reuse: once every member of a group has exited, the kernel may give the group's id to an
 * unrelated new process, which may lead a group of its own. {@code killAll} therefore skips a
 * group whose id is the pid of a live process although this group's leader is known to have
 * exited. The case it cannot tell apart: the id reused and that new leader exited too while its
 * children live on, which needs the pid counter to wrap around during the job.
 *
 * <p>Thread-safe: steps of one job may run from any thread; {@code killAll} may be called from a
 * shutdown hook while steps still run (their groups are killed too). After {@code killAll} the
 * registry is empty and can be used again.
 */
public final class ProcessGroupRegistry {

    /** The registries with groups, for {@link #killEverywhere()}. */
    private static final Set<ProcessGroupRegistry> IN_USE = ConcurrentHashMap.newKeySet();

    private final ProcessTable table;
    private final StopSettings settings;
    /** Group id to whether its leader (the step's main process) has exited. */
    private final Map<Long, Boolean> groups = new LinkedHashMap<>();

    /** A registry for this machine's processes. */
    public ProcessGroupRegistry(StopSettings settings) {
        this(ProcessTable.system(), settings);
    }

    ProcessGroupRegistry(ProcessTable table, StopSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    /** Remembers a group whose leader is running. */
    public synchronized void register(ProcessGroup group) {
        groups.put(group.id(), false);
        IN_USE.add(this);
    }

    /** Notes that the group's leader has exited and been reaped; its members may live on. */
    public synchronized void leaderExited(ProcessGroup group) {
        groups.replace(group.id(), true);
    }

    /** The groups registered and not yet killed, in start order. */
    public synchronized List<ProcessGroup> groups() {
        return groups.keySet().stream().map(ProcessGroup::new).toList();
    }

    /**
     * {@link #killAll()} on every registry of this JVM that has groups: the last resort of a
     * cancelled run whose jobs did not stop in time, just before the JVM ends.
     */
    public static void killEverywhere() {
        for (ProcessGroupRegistry registry : List.copyOf(IN_USE)) {
            registry.killAll();
        }
    }

    /**
     * Kills every registered group that still has a live member: SIGTERM, then SIGKILL to those
     * still alive after {@link StopSettings#terminateGrace()}. Returns when they are gone (or after
     * a further grace, should a process be stuck in the kernel) and forgets all groups.
     *
     * @return the groups that had processes left and were signalled, in start order
     */
    public List<ProcessGroup> killAll() {
        Map<Long, Boolean> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(groups);
            groups.clear();
            IN_USE.remove(this);
        }
        if (snapshot.isEmpty()) {
            return List.of();
        }
        List<ProcessEntry> processes = table.snapshot();
        Set<Long> livePids = processes.stream().map(ProcessEntry::pid).collect(Collectors.toSet());
        Set<Long> liveGroups = processes.stream().map(ProcessEntry::pgid).collect(Collectors.toSet());
        List<ProcessGroup> targets = new ArrayList<>();
        snapshot.forEach((id, leaderExited) -> {
            boolean reused = leaderExited && livePids.contains(id);
            if (liveGroups.contains(id) && !reused) {
                targets.add(new ProcessGroup(id));
            }
        });
        table.terminate(targets, settings);
        return targets;
    }
}

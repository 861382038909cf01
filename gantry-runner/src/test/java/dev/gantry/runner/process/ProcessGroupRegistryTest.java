package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry's choice of groups, with a scripted process table. The ids are above the largest
 * possible Linux pid (2^22), so the real {@code kill} calls this makes reach nobody.
 */
class ProcessGroupRegistryTest {

    private static final long A = 10_000_001;
    private static final long B = 10_000_002;
    private static final StopSettings FAST = new StopSettings(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(5), 1024);

    /** Returns the scripted snapshots in turn, then the last one forever. */
    private static final class ScriptedTable extends ProcessTable {
        private final Deque<List<ProcessEntry>> snapshots = new ArrayDeque<>();

        ScriptedTable then(ProcessEntry... entries) {
            snapshots.add(List.of(entries));
            return this;
        }

        @Override
        List<ProcessEntry> snapshot() {
            return snapshots.size() > 1 ? snapshots.poll() : snapshots.peek();
        }
    }

    @Test
    void killsGroupsThatStillHaveMembersAndForgetsAll() {
        ScriptedTable table = new ScriptedTable().then(new ProcessEntry(A + 7, A, 0)).then();
        ProcessGroupRegistry registry = new ProcessGroupRegistry(table, FAST);
        registry.register(new ProcessGroup(A));
        registry.register(new ProcessGroup(B));
        registry.leaderExited(new ProcessGroup(A));
        registry.leaderExited(new ProcessGroup(B));

        assertThat(registry.killAll()).containsExactly(new ProcessGroup(A));
        assertThat(registry.groups()).isEmpty();
        assertThat(registry.killAll()).isEmpty();
    }

    @Test
    void leavesAGroupWhoseIdWasReusedByAnotherProcess() {
        // A's leader exited, yet a process with pid A lives: the id now belongs to someone else.
        ScriptedTable table = new ScriptedTable().then(new ProcessEntry(A, A, 0), new ProcessEntry(A + 1, A, 0));
        ProcessGroupRegistry registry = new ProcessGroupRegistry(table, FAST);
        registry.register(new ProcessGroup(A));
        registry.leaderExited(new ProcessGroup(A));

        assertThat(registry.killAll()).isEmpty();
    }

    @Test
    void killsTheGroupOfAStepThatIsStillRunning() {
        ScriptedTable table = new ScriptedTable().then(new ProcessEntry(A, A, 0)).then();
        ProcessGroupRegistry registry = new ProcessGroupRegistry(table, FAST);
        registry.register(new ProcessGroup(A));

        assertThat(registry.killAll()).containsExactly(new ProcessGroup(A));
    }

    @Test
    void givesUpWaitingAfterTheGraces() {
        ScriptedTable table = new ScriptedTable().then(new ProcessEntry(A + 3, A, 0));
        ProcessGroupRegistry registry = new ProcessGroupRegistry(table, FAST);
        registry.register(new ProcessGroup(A));
        registry.leaderExited(new ProcessGroup(A));

        long started = System.nanoTime();
        assertThat(registry.killAll()).containsExactly(new ProcessGroup(A));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}

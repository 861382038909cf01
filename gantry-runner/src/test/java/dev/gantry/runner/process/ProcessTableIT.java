package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both process tables against this machine: /proc (Linux) and the portable ps fallback. */
class ProcessTableIT {

    @Test
    void bothTablesSeeThisJvmInTheSameGroup() {
        long pid = ProcessHandle.current().pid();
        List<ProcessEntry> proc = new ProcessTable.ProcFs().snapshot();
        List<ProcessEntry> ps = new ProcessTable.Ps().snapshot();
        ProcessEntry self = proc.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
        // ps has no start time to give: pid and group are what both tables must agree on.
        assertThat(ps).extracting(ProcessEntry::pid, ProcessEntry::pgid).contains(tuple(self.pid(), self.pgid()));
        assertThat(new ProcessTable.Ps().members(self.pgid())).extracting(ProcessEntry::pid).contains(pid);
        assertThat(self.startTicks()).as("/proc gives the start time").isPositive();
    }

    @Test
    void anUnusedGroupHasNoMembers() {
        assertThat(new ProcessTable.ProcFs().members(10_000_003)).isEmpty();
        assertThat(new ProcessTable.Ps().members(10_000_003)).isEmpty();
    }
}

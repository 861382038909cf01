package dev.gantry.schedule;

import java.time.Duration;
import java.util.List;

/**
 * What the scheduler needs to know of one planned job: its identity, its edges and its limits.
 * The plan produces these; the scheduler never looks at YAML or the model.
 *
 * @param key          unique in the run, for example {@code test (a, 1)} or {@code deploy: [aws, x]}
 * @param group        the job id the key came from (all legs of one matrix share it)
 * @param predecessors what must be finished before this job may be decided (GitHub needs, GitLab
 *                     needs or every job of the earlier stages): each a job's key, or a group, which
 *                     stands for every job of that group (all legs of a matrix)
 * @param groupMaxParallel at most this many legs of the group run at once; 0 for no limit
 *                     (GitHub {@code strategy.max-parallel})
 * @param failFast     a failed leg cancels the group's other legs (GitHub {@code strategy.fail-fast})
 * @param startIn      GitLab {@code when: delayed} wait after the job becomes ready, or null
 * @param deferred     the job's matrix is decided by an expression when the job is ready: the
 *                     scheduler asks for it to be {@linkplain Decision.Expand expanded} into its legs
 *                     instead of starting it
 * @param exclusive    a name no two running jobs may share (GitLab {@code resource_group}: jobs of one
 *                     resource group run one at a time, in plan order), or null
 */
public record SchedulingJob(String key, String group, List<String> predecessors, int groupMaxParallel,
                            boolean failFast, Duration startIn, boolean deferred, String exclusive) {

    public SchedulingJob {
        predecessors = List.copyOf(predecessors);
    }

    /** A job that belongs to no exclusive group. */
    public SchedulingJob(String key, String group, List<String> predecessors, int groupMaxParallel, boolean failFast,
                         Duration startIn, boolean deferred) {
        this(key, group, predecessors, groupMaxParallel, failFast, startIn, deferred, null);
    }

    /** A job that is not deferred and belongs to no exclusive group. */
    public SchedulingJob(String key, String group, List<String> predecessors, int groupMaxParallel, boolean failFast,
                         Duration startIn) {
        this(key, group, predecessors, groupMaxParallel, failFast, startIn, false, null);
    }
}

package dev.gantry.runner.gitlab;

import dev.gantry.plan.GitlabPlannedJob;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.platform.OsMismatch;
import dev.gantry.runner.platform.Platform;
import dev.gantry.runner.platform.Platforms;
import java.util.List;
import java.util.Optional;

/**
 * Where a GitLab job runs, from its {@code tags} ("CI/CD YAML syntax reference#tags") and the run's
 * {@code -P} options: the first tag with a {@code -P} decides. {@code TAG=host} runs the job here
 * even when the tag names another system's runner (the executor is chosen as usual);
 * {@code TAG=docker://IMAGE} gives a job without an {@code image:} of its own that image, as a
 * Docker executor's default image does ("Docker executor#Configure a Docker image"), so it runs in a
 * container of it. With {@code --executor shell} the image is ignored as {@code image:} is, and the
 * job runs on this machine's shell. Without a matching {@code -P}, a tag naming another system skips
 * the job ({@link RunnerTags}).
 */
public final class TagPlacement {

    private TagPlacement() {
    }

    /**
     * The decision for one ready job.
     *
     * @param job  the job to run: the planned one, or it with the {@code -P} image as its {@code image:}
     * @param skip why it is skipped instead, or empty
     */
    record Decision(GitlabPlannedJob job, Optional<String> skip) {
    }

    static Decision decide(GitlabPlannedJob job, List<String> tags, Platforms platforms, Executor executor,
                           String hostOs) {
        Optional<Platforms.Choice> chosen = platforms.choose(tags);
        if (chosen.isEmpty()) {
            return new Decision(job, RunnerTags.mismatch(tags, hostOs).map(OsMismatch::reason));
        }
        if (chosen.get().platform() instanceof Platform.Image image && job.job().container() == null
                && executor != Executor.SHELL) {
            PlannedJob p = job.planned();
            PlannedJob inImage = new PlannedJob(p.key(), image.applyTo(p.job()), p.matrix(), p.displayName(),
                    p.needs(), p.legIndex(), p.legCount(), p.deferred(), p.startIn(), p.scope());
            return new Decision(new GitlabPlannedJob(inImage, job.when(), job.allowFailure(), job.variables(),
                    job.artifactsFrom(), job.dag()), Optional.empty());
        }
        return new Decision(job, Optional.empty());
    }

    /**
     * Where the job would run, for {@code gantry run -n}: {@code shell}, {@code docker IMAGE},
     * either with the {@code -P} that decided, or {@code skipped: ...}. Tags are shown as written
     * when they hold variables other than the job's and {@code --variable}'s (predefined variables
     * are known only when the pipeline runs).
     *
     * @param runVariables the {@code --variable} values
     */
    public static String describe(GitlabPlannedJob job, java.util.Map<String, String> runVariables, Executor executor,
                                  Platforms platforms) {
        List<String> tags = RunnerTags.expanded(job, runVariables);
        Decision d = decide(job, tags, platforms, executor, OsMismatch.thisMachine());
        if (d.skip().isPresent()) {
            OsMismatch m = RunnerTags.mismatch(tags, OsMismatch.thisMachine()).orElseThrow();
            return "skipped: " + m.os() + " runner (-P " + m.label() + "=host runs it here)";
        }
        boolean docker = switch (executor) {
            case DOCKER -> true;
            case SHELL -> false;
            case AUTO -> d.job().job().container() != null || !d.job().job().services().isEmpty();
        };
        String where = docker ? "docker " + (d.job().job().container() == null ? "(no image)"
                : d.job().job().container().image()) : "shell";
        return platforms.choose(tags).map(c -> where + " (-P " + c.label() + ")").orElse(where);
    }
}

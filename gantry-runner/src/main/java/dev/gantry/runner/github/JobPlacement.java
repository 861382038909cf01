package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.expr.github.Values;
import dev.gantry.model.GithubJob;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.platform.OsMismatch;
import dev.gantry.runner.platform.Platform;
import dev.gantry.runner.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a GitHub job runs, from its {@code runs-on} ("Choosing the runner for a job": one label, a
 * list, or a {@code group}/{@code labels} mapping) and the run's {@code -P} options: the first label
 * with a {@code -P} decides (then the group's name, for a job that names a group only);
 * {@code LABEL=host} runs the job on this machine even when the label names another operating
 * system, {@code LABEL=docker://IMAGE} runs it as if it had {@code container: IMAGE}. A job with a
 * {@code container:} of its own keeps it (one whose image evaluates to {@code ''} has none). Without
 * a matching {@code -P}, a label naming another operating system skips the job ({@link RunnerOs}).
 * {@code runner.os} and RUNNER_OS always name this machine's system, since the steps really run
 * here (or in a container on it, as on a GitHub-hosted Linux runner).
 */
public final class JobPlacement {

    private JobPlacement() {
    }

    /** The decision for one job. */
    sealed interface Where {
    }

    /** On this machine; {@code choice} is the {@code -P} that said so, or null. */
    record Here(Platforms.Choice choice) implements Where {
    }

    /** In the image a {@code -P} names, unless the job has a container of its own. */
    record InImage(Platforms.Choice choice, Platform.Image image) implements Where {
    }

    /** Not here: a label asks for another system. */
    record Elsewhere(OsMismatch mismatch) implements Where {
    }

    /**
     * @param names     the job's labels, then its group's name, expressions evaluated
     * @param labels    the number of leading {@code names} that are labels (the OS is read from those only)
     * @param hostOs    {@code Linux}, {@code Windows} or {@code macOS}
     */
    static Where decide(List<String> names, int labels, Platforms platforms, String hostOs) {
        Optional<Platforms.Choice> chosen = platforms.choose(names);
        if (chosen.isPresent()) {
            return chosen.get().platform() instanceof Platform.Image image
                    ? new InImage(chosen.get(), image) : new Here(chosen.get());
        }
        return RunnerOs.mismatch(names.subList(0, labels), hostOs).<Where>map(Elsewhere::new)
                .orElseGet(() -> new Here(null));
    }

    /** The job with the {@code -P} image as its {@code container:}. */
    static PlannedJob inImage(PlannedJob p, Platform.Image image) {
        return new PlannedJob(p.key(), image.applyTo(p.job()), p.matrix(), p.displayName(), p.needs(), p.legIndex(),
                p.legCount(), p.deferred(), p.startIn(), p.scope());
    }

    /** The {@code runs-on.group} as written, or null. */
    static String group(PlannedJob job) {
        return job.job().details() instanceof GithubJob g ? g.runsOnGroup() : null;
    }

    /**
     * Where the job would run, for {@code gantry run -n}: {@code host}, {@code container IMAGE},
     * {@code docker://IMAGE (-P LABEL)}, {@code skipped (...)}, or {@code decided at run time} when
     * {@code runs-on} reads more than the matrix.
     */
    public static String describe(PlannedJob job, Platforms platforms) {
        if (job.calls()) {
            return "-";
        }
        if (job.matrixPending()) {
            return "decided at run time";
        }
        EvalContext context = EvalContext.of(Map.of()).with(ContextName.STRATEGY, Contexts.strategy(job))
                .with(ContextName.MATRIX, Contexts.matrix(job));
        Interpolator interpolator = new Interpolator();
        List<String> names = new ArrayList<>();
        try {
            for (String label : job.job().runsOn()) {
                Object value = interpolator.value(label, context, "runs-on");
                if (value instanceof List<?> list) {
                    list.forEach(v -> names.add(Values.toStr(v)));
                } else {
                    names.add(Values.toStr(value));
                }
            }
            int labels = names.size();
            String group = group(job);
            if (group != null) {
                names.add(interpolator.string(group, context, "runs-on.group"));
            }
            String own = job.job().container() == null ? null : job.job().container().image();
            return switch (decide(names, labels, platforms, OsMismatch.thisMachine())) {
                case Elsewhere e -> "skipped: " + e.mismatch().os() + " runner (-P " + e.mismatch().label()
                        + "=host runs it here)";
                case InImage i -> own != null ? "container " + own : i.choice().toString();
                case Here h -> own != null ? "container " + own : h.choice() != null ? h.choice().toString() : "host";
            };
        } catch (ExpressionFailure e) {
            return "decided at run time";
        }
    }
}

package dev.gantry.runner.actions.docker;

import dev.gantry.runner.container.Availability;
import dev.gantry.runner.container.ContainerException;
import dev.gantry.runner.container.ContainerExec;
import dev.gantry.runner.container.ContainerRuntime;
import dev.gantry.runner.container.ContainerSpec;
import dev.gantry.runner.container.ExecListener;
import dev.gantry.runner.container.ExecResult;
import dev.gantry.runner.container.Mount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One stage of a docker action, or a {@code docker://} step, run in a container of its own
 * (docs.github.com "Creating a Docker container action", "Metadata syntax for GitHub Actions#runs for
 * Docker container actions", "Dockerfile support for GitHub Actions"):
 * <ol>
 *   <li>the engine must answer, else the step fails saying so;</li>
 *   <li>the image is made present ({@link ActionImages}: pulled by the run's policy, or built from
 *       the Dockerfile once per action and content);</li>
 *   <li>the container runs as root with the stage's entrypoint and the action's args, the folders
 *       of {@link DockerStepFolders} mounted under {@code /github} and {@code /github/workspace} as
 *       its working directory, on the job's network when it has one;</li>
 *   <li>its environment, lowest first: the step's variables with host paths translated, then
 *       {@code INPUT_<NAME>} for every input (the name upper-cased, spaces as {@code _}: "Metadata
 *       syntax#inputs"), then {@code runs.env}, then HOME, GITHUB_WORKSPACE and GITHUB_EVENT_PATH
 *       pointing into {@code /github};</li>
 *   <li>its lines reach the listener as they come; it is removed when it ends, however it ends.</li>
 * </ol>
 * The {@code args} go to every stage: the runner gives pre and post the same command as main.
 *
 * <p>Use: {@code ContainerExec step = DockerActionStep.start(spec, stage, context)}, make
 * {@code step::cancel} reachable for a cancel of the job, then {@code step.await(listener)}. A
 * failure before the container ran (no engine, pull or build failed) is reported as
 * {@link ExecResult#startFailure()}. A stage the action does not have ({@link DockerActionSpec#runs})
 * succeeds at once without a container. Threads as for {@link ContainerExec}.
 */
public final class DockerActionStep implements ContainerExec {

    private final DockerActionSpec spec;
    private final DockerActionStage stage;
    private final DockerStepContext context;
    private final Object lock = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean awaited = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean cancelled;
    private ContainerExec running;

    private DockerActionStep(DockerActionSpec spec, DockerActionStage stage, DockerStepContext context) {
        this.spec = spec;
        this.stage = stage;
        this.context = context;
    }

    /** Prepares a run of {@code stage}; nothing happens before {@link #await}. */
    public static DockerActionStep start(DockerActionSpec spec, DockerActionStage stage, DockerStepContext context) {
        return new DockerActionStep(spec, stage, context);
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (running != null) {
                running.cancel();
            }
        }
    }

    @Override
    public ExecResult await(ExecListener listener) {
        if (awaited.getAndSet(true)) {
            throw new IllegalStateException("await was already called");
        }
        long start = System.nanoTime();
        if (!spec.runs(stage)) {
            return new ExecResult(0, false, false, Duration.ZERO, Optional.empty());
        }
        Availability availability = context.containers().availability();
        if (!availability.available()) {
            return failed(start, "this step runs in a Docker container, and no Docker engine is reachable: "
                    + availability.detail());
        }
        ContainerRuntime runtime = context.containers().runtime();
        String image;
        try {
            image = ActionImages.prepare(spec.image(), runtime, context.containers().pullPolicy(), context.log());
        } catch (ContainerException e) {
            return failed(start, e.getMessage());
        }
        ContainerExec exec = runtime.run(containerSpec(image), context.timeout());
        synchronized (lock) {
            if (cancelled) {
                exec.cancel();
            }
            running = exec;
        }
        return exec.await(listener);
    }

    private static ExecResult failed(long start, String why) {
        return new ExecResult(-1, false, false, Duration.ofNanos(System.nanoTime() - start), Optional.of(why));
    }

    /** The container of this stage. */
    ContainerSpec containerSpec(String image) {
        String suffix = switch (stage) {
            case PRE -> "-pre";
            case MAIN -> "";
            case POST -> "-post";
        };
        ContainerSpec.Builder builder = ContainerSpec.builder(image, context.containerName() + suffix, context.runId())
                .env(environment())
                .workingDir(DockerStepFolders.WORKSPACE);
        context.network().ifPresent(n -> builder.network(n, List.of()));
        for (Mount mount : context.folders().mounts()) {
            builder.mount(mount);
        }
        spec.entrypointOf(stage).ifPresent(e -> builder.entrypoint(List.of(e)));
        if (!spec.args().isEmpty()) {
            builder.cmd(spec.args());
        }
        return builder.build();
    }

    /** The container's environment, in the order of the class comment. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(context.folders().translate(context.env()));
        spec.inputs().forEach((name, value) ->
                env.put("INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT), value == null ? "" : value));
        env.putAll(spec.env());
        env.put("HOME", DockerStepFolders.HOME);
        env.put("GITHUB_WORKSPACE", DockerStepFolders.WORKSPACE);
        env.put("GITHUB_EVENT_PATH", DockerStepFolders.WORKFLOW + "/event.json");
        return env;
    }
}

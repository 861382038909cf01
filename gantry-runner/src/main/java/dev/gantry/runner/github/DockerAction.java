package dev.gantry.runner.github;

import dev.gantry.expr.github.ContextName;
import dev.gantry.expr.github.EvalContext;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.runner.actions.docker.DockerActionSpec;
import dev.gantry.runner.actions.docker.DockerActionStage;
import dev.gantry.runner.actions.docker.DockerImageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Docker container action for {@link ActionSteps} (docs.github.com "Metadata syntax for
 * GitHub Actions#runs for Docker container actions"; "Workflow syntax#example: using a Docker Hub
 * action"): the image built from the action's Dockerfile or named by {@code docker://}; its
 * {@code args} and {@code env} evaluated with the {@code inputs} context; {@code pre-entrypoint}
 * (when {@code pre-if} holds) and the entrypoint as the step itself, {@code post-entrypoint} as a
 * post step at the end of the job (when {@code post-if} holds). A {@code uses: docker://IMAGE}
 * step takes its arguments and entrypoint from {@code with.args} and {@code with.entrypoint}.
 *
 * <p>Divergence: GitHub runs {@code pre-entrypoint} at the start of the job, with the other pre
 * steps; gantry runs it just before the entrypoint, in the same step.
 */
final class DockerAction {

    private final ActionSteps actions;

    DockerAction(ActionSteps actions) {
        this.actions = actions;
    }

    /**
     * @param folder the action's folder, or null for a {@code docker://} step
     * @param runs   what the metadata says (for {@code docker://}: the image alone)
     * @param inputs the inputs, defaults applied
     */
    StepRunResult run(ActionCall call, Path folder, ActionRuns.Docker runs, Map<String, String> inputs)
            throws ExpressionFailure {
        Optional<DockerActionSpec> made = folder == null ? fromStep(runs, inputs) : fromMetadata(call, folder, runs,
                inputs);
        if (made.isEmpty()) {
            return StepRunResult.failed(java.time.Duration.ZERO);
        }
        DockerActionSpec spec = made.get();
        try {
            if (spec.runs(DockerActionStage.PRE) && holds(runs.preIf(), call.context(), call.where() + ".pre-if")) {
                StepRunResult pre = actions.host().runContainer(call.step(), spec, DockerActionStage.PRE, call.env(),
                        call.stepRef(), call.context());
                if (!pre.success()) {
                    return pre;
                }
            }
            StepRunResult main = actions.host().runContainer(call.step(), spec, DockerActionStage.MAIN, call.env(),
                    call.stepRef(), call.context());
            if (spec.runs(DockerActionStage.POST)) {
                actions.addPost(new PendingPost(call.stepRef().name(), runs.postIf(), (ref, status) ->
                        actions.host().runContainer(call.step(), spec, DockerActionStage.POST, call.env(), ref,
                                actions.state().context(status, List.of(), null, -1))));
            }
            return main;
        } catch (IOException e) {
            return actions.failed("the step's files could not be written: " + e.getMessage());
        }
    }

    private Optional<DockerActionSpec> fromStep(ActionRuns.Docker runs, Map<String, String> with) {
        String image = runs.image().substring(DockerImageSource.DOCKER_SCHEME.length());
        DockerActionSpec.Result result = DockerActionSpec.ofDockerStep(image, with);
        result.error().ifPresent(message -> actions.line("Error: " + message));
        return result.spec();
    }

    private Optional<DockerActionSpec> fromMetadata(ActionCall call, Path folder, ActionRuns.Docker runs,
                                                    Map<String, String> inputs) throws ExpressionFailure {
        EvalContext context = call.context().with(ContextName.INPUTS, new LinkedHashMap<String, Object>(inputs));
        List<String> args = new ArrayList<>();
        for (int i = 0; i < runs.args().size(); i++) {
            String value = actions.interpolator().string(runs.args().get(i), context,
                    call.reference() + " runs.args[" + i + "]");
            args.add(value == null ? "" : value);
        }
        Map<String, String> env = actions.interpolator().env(runs.env(), context, call.reference() + " runs.env");
        return Optional.of(new DockerActionSpec(DockerImageSource.of(runs.image(), folder, call.reference()),
                Optional.ofNullable(runs.entrypoint()), args, env, inputs, Optional.ofNullable(runs.preEntrypoint()),
                Optional.ofNullable(runs.postEntrypoint())));
    }

    private boolean holds(String condition, EvalContext context, String where) throws ExpressionFailure {
        return actions.interpolator().condition(condition, context, where);
    }
}

package dev.gantry.runner.github;

import dev.gantry.expr.github.EvalContext;
import dev.gantry.github.action.ActionRef;
import dev.gantry.github.action.ActionRuns;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.runner.report.StepRef;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a JavaScript action ("Metadata syntax for GitHub Actions#runs for JavaScript actions") with
 * the {@code node} found on the step's PATH, whatever {@code node12..node24} it asks for (hosted
 * runners also run every one of them on one current Node.js).
 * <ul>
 *   <li>every input is the variable {@code INPUT_<NAME>}, the name upper-cased with spaces as
 *       {@code _} ("Metadata syntax#inputs");</li>
 *   <li>{@code main} runs as the step, in the workspace, through the job's script machinery, so
 *       GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY and workflow commands work as
 *       for {@code run} steps;</li>
 *   <li>what {@code pre} and {@code main} write to GITHUB_STATE reaches the later ones as
 *       {@code STATE_<name>} ("Workflow commands#sending values to the pre and post actions");</li>
 *   <li>{@code post} runs at the end of the job when {@code post-if} holds (default
 *       {@code always()}); {@code pre} runs before the job's first step, for actions of a repository
 *       only ({@link ActionSteps#runPres}).</li>
 * </ul>
 * A job container is not supported yet: GitHub would run node inside it.
 */
final class NodeAction {

    private final ActionSteps actions;

    NodeAction(ActionSteps actions) {
        this.actions = actions;
    }

    /**
     * Runs {@code main} and registers the post.
     *
     * @param preState what the action's pre step saved, or null when none ran
     */
    StepRunResult main(ActionCall call, LoadedAction action, ActionRuns.Node runs, Map<String, String> inputs,
                       Map<String, String> preState) throws ExpressionFailure {
        if (runs.pre() != null && (call.depth() > 0 || action.ref() instanceof ActionRef.Local)) {
            actions.warn("`pre` is not run for the action " + action.ref().text() + ": GitHub runs it only for"
                    + " repository actions named by the job's own steps");
        }
        Map<String, String> saved = new LinkedHashMap<>(preState == null ? Map.of() : preState);
        StepRunResult result = script(call, action, runs.main(), inputs, saved, call.stepRef(), call.context());
        if (runs.post() != null) {
            Map<String, String> postState = new LinkedHashMap<>(saved);
            actions.addPost(new PendingPost(call.stepRef().name(), runs.postIf(), (ref, status) ->
                    script(call, action, runs.post(), inputs, postState, ref,
                            actions.state().context(status, List.of(), null, -1))));
        }
        return result;
    }

    /**
     * Runs {@code pre}, as step {@code call.stepRef()}.
     *
     * @param saved receives what it wrote to GITHUB_STATE
     */
    StepRunResult pre(ActionCall call, LoadedAction action, ActionRuns.Node runs, Map<String, String> inputs,
                      Map<String, String> saved) throws ExpressionFailure {
        return script(call, action, runs.pre(), inputs, saved, call.stepRef(), call.context());
    }

    /**
     * Runs one of the action's files with node; adds what it saved to GITHUB_STATE to {@code state},
     * whose earlier entries it sees as STATE_ variables.
     */
    private StepRunResult script(ActionCall call, LoadedAction action, String file, Map<String, String> inputs,
                                 Map<String, String> state, StepRef ref, EvalContext context) throws ExpressionFailure {
        JobState job = actions.state();
        if (job.containers != null && job.containers.jobContainer().isPresent()) {
            return actions.failed("the JavaScript action " + action.ref().text() + " cannot run yet in a job with a"
                    + " container; gantry runs such actions on this machine only");
        }
        Path entry = action.folder().resolve(file).normalize();
        if (!Files.isRegularFile(entry)) {
            return actions.failed("the action " + action.ref().text() + " has no file '" + file + "' (its runs names it)");
        }
        Map<String, String> env = new LinkedHashMap<>(call.env());
        env.putAll(action.variables());
        inputs.forEach((name, value) -> env.put("INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT), value));
        state.forEach((name, value) -> env.put("STATE_" + name, value));
        String path = job.processEnv(env).getOrDefault("PATH", "");
        if (!onPath("node", path)) {
            return actions.failed("the action " + action.ref().text() + " runs on " + ((ActionRuns.Node)
                    action.metadata().runs()).using() + ", but no 'node' is on PATH; install Node.js or set it up"
                    + " with actions/setup-node first");
        }
        String command = ScriptSteps.literal("exec node " + ScriptSteps.shellQuoted(entry.toString()));
        Step step = ScriptSteps.command(command, env, call.step());
        StepRunResult result;
        try {
            result = actions.host().runScript(step, (StepAction.Run) step.action(), ref, context);
        } catch (IOException e) {
            return actions.failed("the step's files could not be written: " + e.getMessage());
        }
        FileCommands.Assignments saved = StepFiles.readState(job.temp);
        saved.diagnostics().forEach(d -> actions.warn(d.message()));
        state.putAll(saved.values());
        return result;
    }

    private static boolean onPath(String command, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

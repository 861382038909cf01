package dev.gantry.runner.github;

import dev.gantry.model.Step;
import dev.gantry.plan.PlannedJob;
import dev.gantry.runner.actions.docker.DockerActionSpec;
import dev.gantry.runner.actions.docker.DockerActionStage;
import dev.gantry.runner.actions.docker.DockerActionStep;
import dev.gantry.runner.actions.docker.DockerStepContext;
import dev.gantry.runner.actions.docker.DockerStepFolders;
import dev.gantry.runner.container.ExecResult;
import dev.gantry.runner.container.ExecStream;
import dev.gantry.runner.container.ResourceNames;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.process.StreamKind;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.StepRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One stage of a Docker container action, or a {@code uses: docker://IMAGE} step, as a step of a
 * GitHub job (docs.github.com "Workflow syntax for GitHub Actions#example: using a Docker Hub
 * action"; "Metadata syntax for GitHub Actions#runs for Docker container actions"): its
 * environment made as for a step in a job container, fresh file-command files mounted into the
 * container, and its lines handled as a run step's (workflow commands, masking). The container
 * itself is run by {@link DockerActionStep}; the job runner reports the end and applies the files
 * as for a run step. Used on the job's thread.
 */
final class ContainerStep {

    private final GithubRun run;
    private final PlannedJob job;
    private final JobRef ref;
    private final RunListener listener;
    private final SecretMasker masker;

    ContainerStep(GithubRun run, PlannedJob job, JobRef ref, RunListener listener, SecretMasker masker) {
        this.run = run;
        this.job = job;
        this.ref = ref;
        this.listener = listener;
        this.masker = masker;
    }

    /**
     * How the step ended, with what the job runner needs to report it.
     *
     * @param jobLimit the job's timeout, not the step's, was the limit
     */
    record Ran(StepOutput output, StepFiles files, boolean jobLimit, ExecResult result) {
    }

    /**
     * Runs {@code stage} of {@code spec} as the step {@code stepRef}.
     *
     * @param stepEnv  the step's {@code env:}, evaluated
     * @param deadline when the job times out
     * @param track    receives the way to cancel the step while it runs, and null when it ended
     */
    Ran run(JobState state, Step step, DockerActionSpec spec, DockerActionStage stage, Map<String, String> stepEnv,
            StepRef stepRef, Instant deadline, Consumer<Runnable> track) throws IOException {
        StepFiles files = StepFiles.create(state.temp);
        Map<String, String> env = new LinkedHashMap<>(state.defaults);
        env.putAll(run.extraEnv());
        env.putAll(state.jobLevelEnv());
        env.putAll(stepEnv);
        env.putAll(files.variables());
        StepOutput output = new StepOutput(ref, listener, masker, run.verbose(),
                "true".equalsIgnoreCase(env.get("ACTIONS_ALLOW_UNSECURE_COMMANDS")));

        Duration remaining = Duration.between(Instant.now(), deadline);
        boolean jobLimit = step.timeout() == null || step.timeout().compareTo(remaining) > 0;
        Duration limit = jobLimit ? remaining : step.timeout();
        DockerStepContext stepContext = new DockerStepContext(run.containers(), Long.toString(run.runId()),
                ResourceNames.join("gantry", Long.toString(run.runId()), job.key(), "step", Integer.toString(stepRef.index()),
                        stage.name().toLowerCase(java.util.Locale.ROOT)),
                state.containers == null ? Optional.empty() : Optional.of(state.containers.network()),
                folders(state, files), env, Optional.of(limit.isNegative() ? Duration.ZERO : limit),
                line -> listener.line(ref, masker.mask(line)));
        DockerActionStep container = DockerActionStep.start(spec, stage, stepContext);
        track.accept(container::cancel);
        ExecResult result = container.await((stream, line) ->
                output.line(stream == ExecStream.STDERR ? StreamKind.STDERR : StreamKind.STDOUT, line));
        track.accept(null);
        return new Ran(output, files, jobLimit, result);
    }

    /** The job's workspace, a home kept for the job, a copy of the event payload and the step's files. */
    private DockerStepFolders folders(JobState state, StepFiles files) throws IOException {
        Path home = Files.createDirectories(state.temp.resolve("_github_home"));
        Path workflow = Files.createDirectories(state.temp.resolve("_github_workflow"));
        Path event = run.runDir().resolve("event.json");
        if (Files.exists(event)) {
            Files.copy(event, workflow.resolve("event.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new DockerStepFolders(state.workspace, home, workflow, files.directory());
    }
}

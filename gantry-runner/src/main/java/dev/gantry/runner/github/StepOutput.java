package dev.gantry.runner.github;

import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.process.OutputListener;
import dev.gantry.runner.process.StreamKind;
import dev.gantry.runner.report.Annotation;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.RunListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to each line a step prints: workflow commands are carried out ("Workflow commands
 * for GitHub Actions"), every line shown is masked first, annotations are collected. One instance
 * per step; called on the step's output thread only.
 */
final class StepOutput implements OutputListener {

    private final JobRef job;
    private final RunListener listener;
    private final SecretMasker masker;
    private final boolean verbose;
    private final WorkflowCommandProcessor commands;
    private final List<Annotation> annotations = new ArrayList<>();
    private final Map<String, String> legacyOutputs = new LinkedHashMap<>();
    private final Map<String, String> legacyState = new LinkedHashMap<>();
    private final Map<String, String> legacyEnv = new LinkedHashMap<>();
    private final List<String> legacyPath = new ArrayList<>();
    private String refusal;

    StepOutput(JobRef job, RunListener listener, SecretMasker masker, boolean verbose, boolean allowUnsecureCommands) {
        this.job = job;
        this.listener = listener;
        this.masker = masker;
        this.verbose = verbose;
        this.commands = new WorkflowCommandProcessor(allowUnsecureCommands, false);
    }

    @Override
    public void line(StreamKind stream, String line) {
        switch (commands.process(line)) {
            case WorkflowCommandProcessor.Print p -> show(p.line());
            case WorkflowCommandProcessor.Handled h -> {
                if (h.echo()) {
                    show(h.line());
                }
            }
            case WorkflowCommandProcessor.Refuse r -> {
                show(r.line());
                show("Error: " + r.message());
                if (refusal == null) {
                    refusal = r.message();
                }
            }
            case WorkflowCommandProcessor.Execute e -> {
                if (e.echo()) {
                    show(e.line());
                }
                e.deprecation().ifPresent(w -> show("Warning: " + w));
                execute(e.command());
            }
        }
    }

    private void execute(WorkflowCommand c) {
        String name = c.property("name").orElse("");
        switch (c.name()) {
            case "add-mask" -> masker.add(c.message());
            case "debug" -> {
                if (verbose) {
                    show("##[debug]" + c.message());
                }
            }
            case "group" -> show("▸ " + c.message());
            case "endgroup" -> {
                // Groups only fold lines in GitHub's web UI; the console shows them flat.
            }
            case "error", "warning", "notice" -> dev.gantry.runner.github.Annotation.of(c).ifPresent(a -> {
                Annotation report = new Annotation(a.level().name().toLowerCase(java.util.Locale.ROOT),
                        masker.mask(a.message()), a.title().map(masker::mask).orElse(null), a.file().orElse(null),
                        a.line().orElse(0), a.column().orElse(0));
                annotations.add(report);
                listener.annotation(job, report);
            });
            case "set-output" -> legacyOutputs.put(name, c.message());
            case "save-state" -> legacyState.put(name, c.message());
            case "set-env" -> legacyEnv.put(name, c.message());
            case "add-path" -> legacyPath.add(c.message());
            default -> show(c.name().isEmpty() ? "" : "Warning: unknown workflow command '" + c.name() + "'");
        }
    }

    private void show(String line) {
        listener.line(job, masker.mask(line));
    }

    /** Annotations the step made, masked. */
    List<Annotation> annotations() {
        return annotations;
    }

    /** Outputs set with the deprecated {@code ::set-output}. */
    Map<String, String> legacyOutputs() {
        return legacyOutputs;
    }

    /** State saved with the deprecated {@code ::save-state}. */
    Map<String, String> legacyState() {
        return legacyState;
    }

    /** Variables set with {@code ::set-env} (only when allowed). */
    Map<String, String> legacyEnv() {
        return legacyEnv;
    }

    /** Folders added with {@code ::add-path} (only when allowed). */
    List<String> legacyPath() {
        return legacyPath;
    }

    /** The first refused command's message; GitHub fails the step when there is one. */
    String refusal() {
        return refusal;
    }
}

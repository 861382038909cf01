package dev.gantry.runner.github;

import dev.gantry.runner.actions.ActionContext;
import dev.gantry.runner.actions.ActionServices;
import dev.gantry.runner.log.SecretMasker;
import dev.gantry.runner.report.Annotation;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.RunListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The {@link ActionContext} of one built-in action step, applying its effects to the job as file commands would. */
final class StepActionContext implements ActionContext {

    private final GithubRun run;
    private final JobState job;
    private final Map<String, String> inputs;
    private final Map<String, String> env;
    private final Map<String, Object> github;
    private final String jobStatus;
    private final Map<String, String> state;
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final JobRef ref;
    private final RunListener listener;
    private final SecretMasker masker;
    private final ActionServices services;
    private final Consumer<Annotation> annotations;

    StepActionContext(GithubRun run, JobState job, Map<String, String> inputs, Map<String, String> env,
                      Map<String, Object> github, String jobStatus, Map<String, String> state, JobRef ref,
                      RunListener listener, SecretMasker masker, ActionServices services,
                      Consumer<Annotation> annotations) {
        this.run = run;
        this.job = job;
        this.inputs = inputs;
        this.env = env;
        this.github = github;
        this.jobStatus = jobStatus;
        this.state = state;
        this.ref = ref;
        this.listener = listener;
        this.masker = masker;
        this.services = services;
        this.annotations = annotations;
    }

    @Override
    public String input(String name) {
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue() == null ? "" : e.getValue();
            }
        }
        return "";
    }

    @Override
    public Map<String, String> inputs() {
        return inputs;
    }

    @Override
    public Path workspace() {
        return job.workspace;
    }

    @Override
    public Path temp() {
        return job.temp;
    }

    @Override
    public Path toolCache() {
        return run.toolCache();
    }

    @Override
    public Path repository() {
        return run.repository();
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public Map<String, Object> github() {
        return github;
    }

    @Override
    public String jobStatus() {
        return jobStatus;
    }

    @Override
    public void setOutput(String name, String value) {
        outputs.put(name, value);
    }

    @Override
    public void exportVariable(String name, String value) {
        job.fileEnv.put(name, value);
    }

    @Override
    public void addPath(String directory) {
        job.path.add(0, directory);
    }

    @Override
    public void addMask(String value) {
        masker.add(value);
    }

    @Override
    public void saveState(String name, String value) {
        state.put(name, value);
    }

    @Override
    public String state(String name) {
        return state.getOrDefault(name, "");
    }

    @Override
    public void log(String line) {
        listener.line(ref, masker.mask(line));
    }

    @Override
    public void warning(String message) {
        annotate(new Annotation("warning", masker.mask(message), null, null, 0, 0));
    }

    @Override
    public void notice(String title, String message) {
        annotate(new Annotation("notice", masker.mask(message), masker.mask(title), null, 0, 0));
    }

    @Override
    public void debug(String message) {
        if (run.verbose()) {
            listener.line(ref, "##[debug]" + masker.mask(message));
        }
    }

    /** Shows an annotation now and keeps it for the run's summary. */
    private void annotate(Annotation annotation) {
        annotations.accept(annotation);
        listener.annotation(ref, annotation);
    }

    @Override
    public ActionServices services() {
        return services;
    }

    /** The outputs the action set. */
    Map<String, String> outputs() {
        return outputs;
    }
}

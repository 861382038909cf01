package dev.gantry.runner.report;

import java.util.List;

/** Forwards every event to each listener in order. */
record CompositeListener(List<RunListener> listeners) implements RunListener {

    @Override
    public void jobStarted(JobRef job) {
        listeners.forEach(l -> l.jobStarted(job));
    }

    @Override
    public void stepStarted(JobRef job, StepRef step) {
        listeners.forEach(l -> l.stepStarted(job, step));
    }

    @Override
    public void line(JobRef job, String text) {
        listeners.forEach(l -> l.line(job, text));
    }

    @Override
    public void annotation(JobRef job, Annotation annotation) {
        listeners.forEach(l -> l.annotation(job, annotation));
    }

    @Override
    public void stepFinished(JobRef job, StepResult step) {
        listeners.forEach(l -> l.stepFinished(job, step));
    }

    @Override
    public void jobFinished(JobResult job) {
        listeners.forEach(l -> l.jobFinished(job));
    }

    @Override
    public void runFinished(RunResult run) {
        listeners.forEach(l -> l.runFinished(run));
    }
}

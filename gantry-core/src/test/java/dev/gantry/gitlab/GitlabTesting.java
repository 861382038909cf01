package dev.gantry.gitlab;

import dev.gantry.diag.Diagnostic;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.model.Format;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import java.util.List;

/** Loads GitLab pipelines from text for tests: the entry file is always {@code .gitlab-ci.yml}. */
final class GitlabTesting {

    private GitlabTesting() {
    }

    static LoadResult load(MemoryFiles files) {
        return PipelineLoader.load(".gitlab-ci.yml", files, Format.GITLAB);
    }

    static LoadResult load(String text) {
        return load(new MemoryFiles().with(".gitlab-ci.yml", text));
    }

    /** The pipeline of a file that must load without any diagnostic. */
    static Pipeline clean(String text) {
        return clean(new MemoryFiles().with(".gitlab-ci.yml", text));
    }

    static Pipeline clean(MemoryFiles files) {
        LoadResult result = load(files);
        if (!result.diagnostics().isEmpty()) {
            throw new AssertionError("unexpected diagnostics:\n" + messages(result));
        }
        return result.pipeline();
    }

    static String messages(LoadResult result) {
        return String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    static List<String> lines(LoadResult result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    static Job job(Pipeline pipeline, String id) {
        return pipeline.job(id).orElseThrow(() -> new AssertionError("no job " + id));
    }
}

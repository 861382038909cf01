package dev.gantry.load;

import dev.gantry.diag.Diagnostics;
import dev.gantry.diag.SourceRange;
import dev.gantry.github.GithubFrontEnd;
import dev.gantry.gitlab.GitlabFrontEnd;
import dev.gantry.gitlab.IncludeFilter;
import dev.gantry.model.Format;
import dev.gantry.model.Pipeline;
import dev.gantry.yaml.YamlLoader;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads one pipeline file of either format: picks the front end, parses, and collects every
 * diagnostic. Never throws on bad input.
 */
public final class PipelineLoader {

    private PipelineLoader() {
    }

    /**
     * Loads {@code path} from {@code files}.
     *
     * @param path  repository-relative path, also used as the file name in diagnostics
     * @param files the repository (GitLab includes are read from it too)
     * @return the model and the diagnostics; a missing file is an error diagnostic
     */
    public static LoadResult load(String path, SourceFiles files) {
        return load(path, files, null);
    }

    /**
     * Loads {@code path} from {@code files} as the given format.
     *
     * @param format the front end to use, or null to {@linkplain #detect detect} it
     */
    public static LoadResult load(String path, SourceFiles files, Format format) {
        return load(path, files, format, Map.of());
    }

    /**
     * Loads {@code path} from {@code files} as the given format, with pipeline inputs for a GitLab
     * file's {@code spec:inputs} (GitHub workflows take their inputs at run time, not here).
     *
     * @param inputs GitLab pipeline inputs by name, as typed on the command line; empty for none
     */
    public static LoadResult load(String path, SourceFiles files, Format format, Map<String, String> inputs) {
        return load(path, files, format, inputs, IncludeFilter.EVERY);
    }

    /**
     * As {@link #load(String, SourceFiles, Format, Map)}, reading only the GitLab {@code include}
     * entries whose {@code rules} {@code includes} accepts (a run, whose facts decide them).
     */
    public static LoadResult load(String path, SourceFiles files, Format format, Map<String, String> inputs,
                                  IncludeFilter includes) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> text = files.read(path);
        if (text.isEmpty()) {
            diagnostics.error(SourceRange.startOf(path), "file", "no such file");
            return new LoadResult(path, null, diagnostics.sorted());
        }
        Pipeline pipeline = null;
        try {
            Diagnostics yaml = new Diagnostics();
            List<YamlNode> documents = YamlLoader.loadAll(path, text.get(), yaml);
            if (!documents.isEmpty() && duplicateKeys(yaml)
                    && (format != null ? format : detect(path, documents.getLast())) == Format.GITLAB) {
                // GitLab reads a key written twice as its last value; GitHub refuses the file.
                yaml = new Diagnostics();
                documents = YamlLoader.loadAll(path, text.get(), yaml, YamlLoader.DuplicateKeys.LAST_WINS);
            }
            diagnostics.addAll(yaml);
            if (documents.isEmpty() && !diagnostics.hasErrors()) {
                diagnostics.error(SourceRange.startOf(path), "empty", "the file is empty");
            } else if (!documents.isEmpty()) {
                // A GitLab file may open with a spec: header document; its configuration is the last one.
                pipeline = switch (format != null ? format : detect(path, documents.getLast())) {
                    case GITHUB -> github(path, documents, diagnostics);
                    case GITLAB -> GitlabFrontEnd.parse(path, documents, files, diagnostics, inputs, includes);
                };
            }
        } catch (RuntimeException e) {
            // A bug of ours must still not cost the user their other diagnostics.
            diagnostics.error(SourceRange.startOf(path), "internal",
                    "internal error while reading this file (" + e.getClass().getSimpleName() + "); please report it");
            pipeline = null;
        }
        return new LoadResult(path, pipeline, diagnostics.sorted());
    }

    private static boolean duplicateKeys(Diagnostics yaml) {
        return yaml.sorted().stream().anyMatch(d -> "duplicate-key".equals(d.rule()));
    }

    /** A workflow is one YAML document; GitHub reads no header and no second document. */
    private static Pipeline github(String path, List<YamlNode> documents, Diagnostics diagnostics) {
        if (documents.size() > 1) {
            diagnostics.error(documents.get(1).range(), "yaml", "a workflow file holds one YAML document, not "
                    + documents.size());
            return null;
        }
        return GithubFrontEnd.parse(path, documents.getFirst(), diagnostics);
    }

    /**
     * The format of a file: by its place ({@code .github/workflows/}, {@code *gitlab-ci.yml}),
     * else by its content (a top-level {@code jobs:} mapping next to {@code on:} is GitHub).
     */
    public static Format detect(String path, YamlNode root) {
        String p = path.replace('\\', '/');
        if (p.contains(".github/workflows/")) {
            return Format.GITHUB;
        }
        if (p.endsWith("gitlab-ci.yml") || p.endsWith("gitlab-ci.yaml")) {
            return Format.GITLAB;
        }
        if (root instanceof YamlMap map && map.get("jobs") instanceof YamlMap && (map.has("on") || map.has("true"))) {
            return Format.GITHUB;
        }
        return Format.GITLAB;
    }
}

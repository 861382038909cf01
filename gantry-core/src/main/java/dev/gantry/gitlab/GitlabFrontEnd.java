package dev.gantry.gitlab;

import dev.gantry.diag.Diagnostics;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.Format;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Triggers;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab CI front end: a {@code .gitlab-ci.yml} and the files it includes to the {@link Pipeline}
 * model, following the "CI/CD YAML syntax reference" (docs.gitlab.com/ci/yaml).
 *
 * <p>The steps, in GitLab's own order: {@link FileInputs} separates the {@code spec:} header and
 * interpolates inputs, {@link IncludeResolver} merges the included files (each through
 * {@link FileInputs} too),
 * {@link ExtendsResolver} applies {@code extends}, {@link ReferenceResolver} replaces
 * {@code !reference} tags; then {@link GlobalParser} reads the global keywords, {@link JobParser}
 * each job (top-level keys that are not global keywords and do not start with a dot, "Hide a job"),
 * and {@link JobGraph} checks what spans jobs. Every problem is a diagnostic at the node that caused
 * it, in the file it was written in (rule ids in {@link RuleIds}); the model is built as far as the
 * input allows, and nothing here throws on bad input.
 */
public final class GitlabFrontEnd {

    /** Job names GitLab accepts only quoted and advises against ("Job names"). */
    private static final Set<String> UNCLEAR_JOB_NAMES = Set.of("true", "false", "nil");

    private GitlabFrontEnd() {
    }

    /**
     * Parses a pipeline.
     *
     * @param file        the entry file as the user named it (repository-relative for includes to resolve)
     * @param documents   its YAML documents, at least one: the configuration, after a {@code spec:} header if any
     * @param files       the repository, for {@code include:local} and copies of network includes
     * @param diagnostics receives every problem, in any file
     * @return the model, or null when the configuration is not a mapping
     */
    public static Pipeline parse(String file, List<YamlNode> documents, SourceFiles files, Diagnostics diagnostics) {
        return parse(file, documents, files, diagnostics, Map.of());
    }

    /**
     * Parses a pipeline with pipeline inputs ("CI/CD inputs#for a pipeline": the values a manual
     * or API pipeline gives the main file's {@code spec:inputs}), checked and typed as
     * {@code include:inputs} are; a problem with one is a diagnostic in {@code (command line)}.
     *
     * @param inputs input values by name, as typed on the command line ({@code 3}, {@code true} and
     *               {@code [a, b]} are read as YAML, so a number, boolean or array input takes them)
     */
    public static Pipeline parse(String file, List<YamlNode> documents, SourceFiles files, Diagnostics diagnostics,
                                 Map<String, String> inputs) {
        return parse(file, documents, files, diagnostics, inputs, IncludeFilter.EVERY);
    }

    /**
     * Parses a pipeline as it is created for one run: only the {@code include} entries whose rules
     * {@code filter} accepts are read ("Use rules with include"); the others contribute nothing.
     *
     * @param filter decides each {@code include} entry with {@code rules}; {@link IncludeFilter#EVERY} to lint
     */
    public static Pipeline parse(String file, List<YamlNode> documents, SourceFiles files, Diagnostics diagnostics,
                                 Map<String, String> inputs, IncludeFilter filter) {
        Reader reader = new Reader(diagnostics);
        YamlMap.Entry given = inputs.isEmpty() ? null : CommandLineInputs.entry(inputs, diagnostics);
        YamlNode root = new FileInputs(reader).configuration(file, documents, given, given == null ? null : given.key());
        if (!(root instanceof YamlMap map)) {
            reader.error(root, RuleIds.WRONG_TYPE, "a GitLab CI configuration must be a mapping of jobs and global"
                    + " keywords, not " + root.describe());
            return null;
        }
        IncludeResolver.Result included = new IncludeResolver(files, reader, filter).resolve(file, map);
        boolean complete = included.complete();
        ExtendsResolver extendsResolver = new ExtendsResolver(included.config(), reader, complete);
        YamlMap config = extendsResolver.resolve();
        config = new ReferenceResolver(config, reader, complete).resolve();
        config = withoutMisusedKeywords(config, reader);
        Globals globals = new GlobalParser(reader).parse(config);
        JobParser parser = new JobParser(reader, globals, extendsResolver.broken(), complete);
        List<Job> jobs = new ArrayList<>();
        for (YamlMap.Entry e : config.entries()) {
            String name = e.name();
            if (Keywords.GLOBAL.contains(name) || name.startsWith(".")) {
                continue;
            }
            if (name.equals("types")) {
                reader.error(e.key(), RuleIds.RESERVED_JOB_NAME, "'types' was removed in GitLab 15.0; use 'stages'");
                continue;
            }
            if (UNCLEAR_JOB_NAMES.contains(name)) {
                reader.warning(e.key(), RuleIds.RESERVED_JOB_NAME, "a job named '" + name + "' is valid only when"
                        + " quoted and easily misread; rename it");
            }
            if (!(e.value() instanceof YamlMap job)) {
                reader.error(e.value(), RuleIds.WRONG_TYPE, "job '" + name + "' must be a mapping of job keywords, not "
                        + e.value().describe());
                continue;
            }
            jobs.add(parser.parse(e, job));
        }
        if (jobs.isEmpty() && complete) {
            reader.error(map, RuleIds.NO_JOBS, "the pipeline has no jobs (names starting with '.' are hidden)");
        }
        new JobGraph(jobs, globals.stages(), config, reader, complete).check();
        Triggers triggers = new Triggers(List.of(), globals.workflowRules() == null ? List.of()
                : globals.workflowRules());
        return new Pipeline(Format.GITLAB, file, globals.name(), globals.stages(), globals.variables(), triggers, jobs,
                new GitlabPipeline(included.files(), globals.autoCancelOnNewCommit(),
                        globals.autoCancelOnJobFailure(), included.rules()), root.range());
    }

    /**
     * Reports global keywords that were evidently meant as jobs ("Job names": a job cannot be called
     * {@code image}, {@code cache}, ...) and leaves them out, so their job keywords do not also show
     * up as unknown keys of the global keyword.
     */
    private static YamlMap withoutMisusedKeywords(YamlMap config, Reader reader) {
        List<YamlMap.Entry> kept = new ArrayList<>(config.size());
        for (YamlMap.Entry e : config.entries()) {
            if (Keywords.RESERVED_JOB_NAMES.contains(e.name()) && looksLikeJob(e.value())) {
                reader.error(e.key(), RuleIds.RESERVED_JOB_NAME, "'" + e.name() + "' is a global keyword and cannot"
                        + " be a job name; rename the job");
            } else {
                kept.add(e);
            }
        }
        return kept.size() == config.size() ? config : YamlMap.of(kept, config.tag(), config.range());
    }

    private static boolean looksLikeJob(YamlNode value) {
        return value instanceof YamlMap m && (m.get("script") instanceof YamlSeq || m.has("stage")
                || m.has("trigger") || m.has("extends"));
    }

}

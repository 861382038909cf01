package dev.gantry.runner.gitlab;

import dev.gantry.expr.gitlab.ExpansionPlace;
import dev.gantry.expr.gitlab.PredefinedVariables;
import dev.gantry.expr.gitlab.Slug;
import dev.gantry.expr.gitlab.VariableExpander;
import dev.gantry.expr.gitlab.VariableLayer;
import dev.gantry.expr.gitlab.VariableScope;
import dev.gantry.expr.gitlab.Variables;
import dev.gantry.plan.GitlabPlannedJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables one job sees, by "CI/CD variables#CI/CD variable precedence" (docs.gitlab.com), lowest
 * first: predefined (with CI_ENVIRONMENT_* for a job with an environment), the YAML variables the plan merged (global and workflow, job, matrix, rule),
 * dotenv reports of the jobs whose artifacts it receives, project variables ({@code --secret} and
 * {@code --file-var}), then pipeline variables ({@code --variable}). References are expanded as the
 * runner expands them ("Where variables can be used#GitLab Runner internal variable expansion
 * mechanism": nested references resolved, {@code $$} a literal {@code $}, {@code expand: false}
 * kept as written, undefined references empty). A file-type variable ("#Use file type CI/CD
 * variables") holds the path of a file, in the job's temporary folder, that contains its value.
 *
 * @param values   every variable's final value, in definition order
 * @param problems circular references, one sentence each
 */
record JobVariables(Map<String, String> values, List<String> problems) {

    /**
     * @param projectDir CI_PROJECT_DIR
     * @param temp       the job's temporary folder (for file-type variables)
     * @param jobId      CI_JOB_ID
     * @param dotenv     the dotenv variables of the jobs whose artifacts this job receives, in plan order
     */
    static JobVariables of(GitlabRun run, GitlabPlannedJob job, Path projectDir, Path temp, long jobId,
                           Map<String, String> dotenv) throws IOException {
        boolean parallel = job.job().matrix() != null;
        PredefinedVariables predefined = GitlabPredefined.pipeline(run)
                .job(new PredefinedVariables.Job(job.key(), job.job().stage(), jobId,
                        parallel ? job.planned().legIndex() + 1 : 0, job.planned().legCount(),
                        run.manual().contains(job.key()) || run.manual().contains(job.job().id())))
                .workspace(projectDir.toString(), projectDir.getParent().toString());
        Variables project = Variables.empty();
        for (Map.Entry<String, String> secret : run.secrets().entrySet()) {
            project = project.withRaw(secret.getKey(), secret.getValue());
        }
        Path files = temp.resolve("file-variables");
        for (Map.Entry<String, String> f : run.fileVariables().entrySet()) {
            Files.createDirectories(files);
            Path file = files.resolve(f.getKey());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            project = project.withRaw(f.getKey(), file.toString());
        }
        Variables fromDotenv = Variables.empty();
        for (Map.Entry<String, String> d : dotenv.entrySet()) {
            fromDotenv = fromDotenv.withRaw(d.getKey(), d.getValue());
        }
        Map<VariableLayer, Variables> layers = new EnumMap<>(VariableLayer.class);
        layers.put(VariableLayer.PREDEFINED, predefined.forJob().overriddenBy(environment(job.job().environment())));
        layers.put(VariableLayer.PIPELINE_YAML, job.variables());
        layers.put(VariableLayer.DOTENV, fromDotenv);
        layers.put(VariableLayer.PROJECT, project);
        layers.put(VariableLayer.PIPELINE_RUN, Variables.of(run.runVariables()));
        VariableExpander.ResolvedVariables resolved = VariableExpander.resolveAll(VariableScope.merge(layers),
                ExpansionPlace.RUNNER);
        if (job.job().environment() != null) {
            // The slug is of the name with its variables expanded, and the URL may use the slug: a second pass.
            String slug = Slug.environment(resolved.variables().value("CI_ENVIRONMENT_NAME"));
            layers.put(VariableLayer.PREDEFINED, layers.get(VariableLayer.PREDEFINED)
                    .withRaw("CI_ENVIRONMENT_SLUG", slug));
            resolved = VariableExpander.resolveAll(VariableScope.merge(layers), ExpansionPlace.RUNNER);
        }
        return new JobVariables(new LinkedHashMap<>(resolved.variables().asMap()), resolved.problems());
    }

    /**
     * CI_ENVIRONMENT_NAME, _URL, _ACTION and _TIER of a job with {@code environment:} ("Predefined CI/CD
     * variables reference"); name and URL may hold variables, so they stay expandable. CI_ENVIRONMENT_SLUG
     * ({@link Slug#environment}) is added once the name is expanded.
     */
    private static Variables environment(dev.gantry.model.Environment env) {
        if (env == null) {
            return Variables.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("CI_ENVIRONMENT_NAME", env.name());
        if (env.url() != null) {
            values.put("CI_ENVIRONMENT_URL", env.url());
        }
        values.put("CI_ENVIRONMENT_ACTION", env.action() == null ? "start" : env.action());
        if (env.deploymentTier() != null) {
            values.put("CI_ENVIRONMENT_TIER", env.deploymentTier());
        }
        return Variables.of(values);
    }

    /** The variables as a set for expanding keywords (cache keys, artifact paths), all already final. */
    Variables asVariables() {
        return Variables.fromEntries(values.entrySet().stream()
                .map(e -> new Variables.Entry(e.getKey(), e.getValue(), true)).toList());
    }
}

package dev.gantry.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What {@code gantry run} was asked to do, after parsing.
 *
 * @param event       the event name
 * @param eventFile   a payload file, or null
 * @param jobs        {@code --job} ids; empty for all
 * @param withNeeds   {@code --needs}
 * @param secrets     secret values by name
 * @param variables   {@code --var} values
 * @param inputs      {@code --input} values
 * @param env         {@code --env} values
 * @param ref         {@code --ref}, or null
 * @param maxParallel jobs at once
 * @param dryRun      print the plan only
 * @param json        {@code --json} file, or null
 * @param verbose     show debug lines
 * @param manual      GitLab {@code --manual} jobs to run although manual
 * @param executor    GitLab {@code --executor}
 * @param fileVariables GitLab {@code --file-var} file-type variables
 * @param actions     where GitHub actions come from
 * @param pullPolicy  {@code --pull}: when images are pulled
 * @param matrix      GitHub {@code --matrix} picks: values by matrix name; empty for every leg
 * @param platforms   {@code -P}: where jobs with those runs-on labels or GitLab tags run
 */
record RunSettings(String event, Path eventFile, Set<String> jobs, boolean withNeeds, Map<String, String> secrets,
                   Map<String, String> variables, Map<String, String> inputs, Map<String, String> env, String ref,
                   int maxParallel, boolean dryRun, Path json, boolean verbose, Set<String> manual,
                   dev.gantry.runner.gitlab.Executor executor, Map<String, String> fileVariables, Actions actions,
                   dev.gantry.runner.container.PullPolicy pullPolicy, Map<String, Set<String>> matrix,
                   dev.gantry.runner.platform.Platforms platforms) {

    /**
     * Where GitHub actions come from.
     *
     * @param offline  {@code --offline}: never fetch; the action cache only
     * @param sources  {@code --action-source}: replacements by {@code owner/repo}, a folder or a git URL
     * @param builtins use gantry's built-in actions ({@code --no-builtin-actions} turns them off)
     */
    record Actions(boolean offline, Map<String, String> sources, boolean builtins) {
    }
}

package dev.gantry.gitlab;

import dev.gantry.diag.SourceRange;
import dev.gantry.model.Environment;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Rule;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need the whole pipeline: {@code needs} name existing jobs in the same or an earlier
 * stage and form no cycle ("CI/CD YAML syntax reference#needs": "You can refer to jobs in the same
 * stage"; GitLab rejects a need on a later stage with "is not defined in current or prior stages"),
 * {@code dependencies} name jobs of the same or earlier stages (GitLab's lint checks dependencies as
 * it checks needs; a same-stage dependency a job does not also need gives it nothing, since without
 * {@code needs} a job receives artifacts of earlier stages only: a warning), and
 * {@code environment:on_stop} names a job that stops the same environment ("#environment:on_stop",
 * "#environment:action").
 *
 * <p>A need may name a job of a {@code parallel} job as GitLab names them ({@code job 1/3},
 * {@code job: [a, b]}). Optional needs of absent jobs are allowed ("#needs:optional"). Unknown names
 * are not reported when an include could not be read, since it may define them.
 */
final class JobGraph {

    private final List<Job> jobs;
    private final YamlMap config;
    private final Reader reader;
    private final boolean complete;
    private final Map<String, Job> byName = new LinkedHashMap<>();
    private final Map<String, Integer> stageIndex = new HashMap<>();

    JobGraph(List<Job> jobs, List<String> stages, YamlMap config, Reader reader, boolean complete) {
        this.jobs = jobs;
        this.config = config;
        this.reader = reader;
        this.complete = complete;
        jobs.forEach(j -> byName.put(j.id(), j));
        for (int i = 0; i < stages.size(); i++) {
            stageIndex.put(stages.get(i), i);
        }
    }

    void check() {
        Map<String, List<Edge>> edges = new LinkedHashMap<>();
        for (Job job : jobs) {
            List<Edge> out = new ArrayList<>();
            needs(job, job.needs(), out);
            if (job.condition() instanceof dev.gantry.model.Condition.Rules r && r.rules() != null) {
                for (Rule rule : r.rules()) {
                    needs(job, rule.needs(), out);
                }
            }
            edges.put(job.id(), out);
            dependencies(job);
            onStop(job);
        }
        new Cycles(edges).report();
    }

    /** One need edge that points at a job of this pipeline. */
    private record Edge(String to, Need need) {
    }

    private void needs(Job job, List<Need> needs, List<Edge> out) {
        if (needs == null) {
            return;
        }
        for (Need need : needs) {
            Job target = resolve(need.job());
            if (target == null) {
                if (!need.optional() && complete) {
                    reader.diagnostics().error(need.range(), RuleIds.NEEDS_UNKNOWN_JOB, "job '" + job.id()
                            + "' needs '" + need.job() + "', which is not a job of this pipeline"
                            + Closest.hint(need.job(), byName.keySet()));
                }
                continue;
            }
            if (stage(target) > stage(job)) {
                reader.diagnostics().error(need.range(), RuleIds.NEEDS_LATER_STAGE, "job '" + job.id() + "' (stage '"
                        + job.stage() + "') needs '" + target.id() + "', which is in the later stage '"
                        + target.stage() + "'");
            }
            out.add(new Edge(target.id(), need));
        }
    }

    /** The job a need names: by name, or the {@code parallel} job whose generated name it is. */
    private Job resolve(String name) {
        Job job = byName.get(name);
        if (job != null) {
            return job;
        }
        int bracket = name.indexOf(": [");
        if (bracket > 0 && name.endsWith("]")) {
            Job base = byName.get(name.substring(0, bracket));
            return base != null && base.matrix() != null && !base.matrix().axisSets().isEmpty() ? base : null;
        }
        int space = name.lastIndexOf(' ');
        if (space > 0 && name.substring(space + 1).matches("\\d+/\\d+")) {
            Job base = byName.get(name.substring(0, space));
            return base != null && base.matrix() != null && base.matrix().count() > 0 ? base : null;
        }
        return null;
    }

    private int stage(Job job) {
        return stageIndex.getOrDefault(job.stage(), Integer.MAX_VALUE);
    }

    private void dependencies(Job job) {
        if (!(job.details() instanceof GitlabJob details) || details.dependencies() == null
                || !(config.get(job.id()) instanceof YamlMap map) || !(map.get("dependencies") instanceof YamlSeq seq)) {
            return;
        }
        for (YamlNode item : seq.items()) {
            String name = item instanceof dev.gantry.yaml.YamlScalar s ? s.value() : null;
            if (name == null) {
                continue;
            }
            Job target = byName.get(name);
            if (target == null) {
                if (complete) {
                    reader.error(item, RuleIds.DEPENDENCIES_UNKNOWN_JOB, "job '" + job.id() + "' depends on '" + name
                            + "', which is not a job of this pipeline" + Closest.hint(name, byName.keySet()));
                }
            } else if (stage(target) > stage(job) && stagesKnown(job, target)) {
                reader.error(item, RuleIds.DEPENDENCIES_STAGE, "job '" + job.id() + "' (stage '" + job.stage()
                        + "') depends on '" + name + "' of the later stage '" + target.stage()
                        + "'; dependencies must be in the same or earlier stages");
            } else if (stage(target) == stage(job) && stagesKnown(job, target) && !needed(job, name)) {
                reader.warning(item, RuleIds.DEPENDENCIES_STAGE, "job '" + job.id() + "' depends on '" + name
                        + "' of its own stage '" + job.stage() + "' without needing it: it does not wait for '"
                        + name + "' and gets none of its artifacts; add '" + name + "' to 'needs'");
            }
        }
    }

    /** Whether the job's own {@code needs} name that job: then a same-stage dependency gets its artifacts. */
    private static boolean needed(Job job, String name) {
        return job.needs() != null && job.needs().stream().anyMatch(n -> n.job().equals(name));
    }

    /**
     * Whether both jobs' stages are certain: with an include unread, a job that writes no
     * {@code stage} may get one from a template or an equally named job in the missing file.
     */
    private boolean stagesKnown(Job job, Job target) {
        return complete || (config.get(job.id()) instanceof YamlMap a && a.has("stage")
                && config.get(target.id()) instanceof YamlMap b && b.has("stage"));
    }

    private void onStop(Job job) {
        Environment env = job.environment();
        if (env == null || env.onStop() == null) {
            return;
        }
        SourceRange at = onStopRange(job);
        Job stopper = byName.get(env.onStop());
        String prefix = "environment:on_stop of job '" + job.id() + "' names '" + env.onStop() + "'";
        if (stopper == null) {
            if (complete) {
                reader.diagnostics().error(at, RuleIds.ENVIRONMENT_ON_STOP, prefix + ", which is not a job of this pipeline"
                        + Closest.hint(env.onStop(), byName.keySet()));
            }
        } else if (stopper.environment() == null) {
            reader.diagnostics().error(at, RuleIds.ENVIRONMENT_ON_STOP, prefix + ", which has no environment");
        } else if (!"stop".equals(stopper.environment().action())) {
            reader.diagnostics().error(at, RuleIds.ENVIRONMENT_ON_STOP, prefix + ", which needs 'environment:action: stop'");
        } else if (!stopper.environment().name().equals(env.name())) {
            reader.diagnostics().error(at, RuleIds.ENVIRONMENT_ON_STOP, prefix + ", which stops the environment '"
                    + stopper.environment().name() + "', not '" + env.name() + "'");
        }
    }

    private SourceRange onStopRange(Job job) {
        if (config.get(job.id()) instanceof YamlMap map && map.get("environment") instanceof YamlMap env
                && env.get("on_stop") != null) {
            return env.get("on_stop").range();
        }
        return job.environment().range();
    }

    /** Finds cycles among need edges by depth-first search and reports each once, naming it. */
    private final class Cycles {
        private final Map<String, List<Edge>> edges;
        private final Map<String, Integer> state = new HashMap<>();
        private final List<String> path = new ArrayList<>();

        Cycles(Map<String, List<Edge>> edges) {
            this.edges = edges;
        }

        void report() {
            for (String job : edges.keySet()) {
                visit(job);
            }
        }

        private void visit(String job) {
            if (state.containsKey(job)) {
                return;
            }
            state.put(job, 1);
            path.add(job);
            for (Edge e : edges.getOrDefault(job, List.of())) {
                Integer s = state.get(e.to());
                if (s == null) {
                    visit(e.to());
                } else if (s == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(e.to()), path.size()));
                    cycle.add(e.to());
                    reader.diagnostics().error(e.need().range(), RuleIds.NEEDS_CYCLE, "needs form a cycle: "
                            + String.join(" -> ", cycle));
                }
            }
            path.remove(path.size() - 1);
            state.put(job, 2);
        }
    }
}

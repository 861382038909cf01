package dev.gantry.gitlab;

import dev.gantry.diag.Diagnostics;
import dev.gantry.load.SourceFiles;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.Format;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Job;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Retry;
import dev.gantry.model.Triggers;
import dev.gantry.model.When;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GitLab CI front end: a {@code .gitlab-ci.yml} (and its includes) to the {@link Pipeline} model. */
public final class GitlabFrontEnd {

    private static final Set<String> GLOBAL = Set.of("stages", "variables", "default", "workflow", "include",
            "image", "services", "cache", "before_script", "after_script", "spec");

    private GitlabFrontEnd() {
    }

    /** Parses a pipeline; reports problems to {@code diagnostics}; returns null when the root is not a mapping. */
    public static Pipeline parse(String file, YamlNode root, SourceFiles files, Diagnostics diagnostics) {
        if (!(root instanceof YamlMap map)) {
            diagnostics.error(root.range(), "syntax", "a pipeline must be a mapping");
            return null;
        }
        List<Job> jobs = new ArrayList<>();
        for (YamlMap.Entry e : map.entries()) {
            if (GLOBAL.contains(e.name()) || e.name().startsWith(".")) {
                continue;
            }
            String stage = e.value() instanceof YamlMap m && m.get("stage") instanceof YamlScalar s ? s.value() : "test";
            jobs.add(new Job(e.name(), e.name(), stage, null,
                    new Condition.Rules(null, null, null, When.ON_SUCCESS, null), null, List.of(), List.of(), null,
                    List.of(), List.of(), List.of(), null, null, Retry.NONE, AllowFailure.NO, null, null, Map.of(),
                    new GitlabJob(null, null, false, null, null, null, true, true, Map.of()), e.key().range()));
        }
        return new Pipeline(Format.GITLAB, file, null, List.of(".pre", "build", "test", "deploy", ".post"), List.of(),
                Triggers.none(), jobs, new GitlabPipeline(List.of(), null), root.range());
    }
}

package dev.gantry.github;

import dev.gantry.diag.Diagnostics;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.Format;
import dev.gantry.model.GithubJob;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Retry;
import dev.gantry.model.Triggers;
import dev.gantry.yaml.YamlMap;
import dev.gantry.yaml.YamlNode;
import dev.gantry.yaml.YamlScalar;
import dev.gantry.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GitHub Actions front end: a workflow's YAML to the {@link Pipeline} model. */
public final class GithubFrontEnd {

    private GithubFrontEnd() {
    }

    /** Parses a workflow; reports problems to {@code diagnostics}; returns null when it has no jobs mapping. */
    public static Pipeline parse(String file, YamlNode root, Diagnostics diagnostics) {
        if (!(root instanceof YamlMap map) || !(map.get("jobs") instanceof YamlMap jobs)) {
            diagnostics.error(root.range(), "syntax", "a workflow needs a 'jobs' mapping");
            return null;
        }
        List<Job> out = new ArrayList<>();
        for (YamlMap.Entry e : jobs.entries()) {
            List<Need> needs = new ArrayList<>();
            if (e.value() instanceof YamlMap job) {
                YamlNode n = job.get("needs");
                if (n instanceof YamlScalar s) {
                    needs.add(Need.of(s.value(), s.range()));
                } else if (n instanceof YamlSeq seq) {
                    seq.items().forEach(i -> needs.add(Need.of(((YamlScalar) i).value(), i.range())));
                }
            }
            out.add(new Job(e.name(), e.name(), null, needs, new Condition.Default(), null, List.of(), List.of(),
                    null, List.of(), List.of(), List.of(), null, null, Retry.NONE, AllowFailure.NO, null, null,
                    Map.of(), new GithubJob(Map.of(), GithubWorkflow.RunDefaults.NONE, null, null, Map.of(), Map.of(),
                    false), e.key().range()));
        }
        return new Pipeline(Format.GITHUB, file, null, List.of(), List.of(), Triggers.none(), out,
                new GithubWorkflow(null, Map.of(), GithubWorkflow.RunDefaults.NONE, null, Map.of(), Map.of()),
                root.range());
    }
}

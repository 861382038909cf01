package dev.gantry.github.action;

import dev.gantry.model.Step;
import dev.gantry.model.Variable;
import java.util.List;

/**
 * An action's {@code runs} ("Metadata syntax for GitHub Actions#runs"): a composite action's steps,
 * a JavaScript action's entry points, or a Docker container action's image.
 */
public sealed interface ActionRuns {

    /** The default of {@code pre-if} and {@code post-if}: the pre and post steps run whatever happened. */
    String ALWAYS = "always()";

    /**
     * {@code runs.using: composite} ("#runs for composite actions").
     *
     * @param steps the inner steps, parsed as workflow steps are; every {@code run} step has a shell
     */
    record Composite(List<Step> steps) implements ActionRuns {
        public Composite {
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code runs.using: node12|node16|node20|node24} ("#runs for JavaScript actions"). Paths are
     * relative to the action's folder.
     *
     * @param using  the {@code using} value, for example {@code node20}
     * @param main   the file run as the step
     * @param pre    the file run at the start of the job, or null
     * @param preIf  the condition of {@code pre}, {@link #ALWAYS} when not written
     * @param post   the file run at the end of the job, or null
     * @param postIf the condition of {@code post}, {@link #ALWAYS} when not written
     */
    record Node(String using, String main, String pre, String preIf, String post, String postIf)
            implements ActionRuns {
    }

    /**
     * {@code runs.using: docker} ("#runs for Docker container actions").
     *
     * @param image          {@code Dockerfile} (a path relative to the action's folder) or
     *                       {@code docker://image:tag}
     * @param env            {@code runs.env}, values as written
     * @param entrypoint     {@code runs.entrypoint}, or null for the image's own
     * @param args           {@code runs.args}, as written (they may hold expressions)
     * @param preEntrypoint  {@code runs.pre-entrypoint}, or null
     * @param preIf          the condition of {@code pre-entrypoint}, {@link #ALWAYS} when not written
     * @param postEntrypoint {@code runs.post-entrypoint}, or null
     * @param postIf         the condition of {@code post-entrypoint}, {@link #ALWAYS} when not written
     */
    record Docker(String image, List<Variable> env, String entrypoint, List<String> args, String preEntrypoint,
                  String preIf, String postEntrypoint, String postIf) implements ActionRuns {
        public Docker {
            env = List.copyOf(env);
            args = List.copyOf(args);
        }
    }
}

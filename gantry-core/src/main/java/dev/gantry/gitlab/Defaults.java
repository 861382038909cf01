package dev.gantry.gitlab;

import dev.gantry.model.Artifacts;
import dev.gantry.model.Cache;
import dev.gantry.model.Container;
import dev.gantry.model.Retry;
import dev.gantry.model.StepAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code default:} section together with the deprecated top-level {@code image},
 * {@code services}, {@code cache}, {@code before_script} and {@code after_script} ("CI/CD YAML
 * syntax reference#default", "Deprecated keywords"); {@code default:} wins where both are written.
 * Each field is null when not written; a job copies the ones it does not set itself and that its
 * {@code inherit:default} lets through.
 */
record Defaults(Container image, List<Container> services, List<StepAction.ScriptLine> beforeScript,
                List<StepAction.ScriptLine> afterScript, List<Cache> caches, Artifacts artifacts, Retry retry,
                Duration timeout, Boolean interruptible, List<String> tags, Map<String, List<String>> hooks,
                Map<String, Object> idTokens, String identity) {
}

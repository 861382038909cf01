package dev.gantry.runner.actions.docker;

import dev.gantry.runner.container.OptionWords;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A docker action as it is about to run, every expression already evaluated: the fields of
 * {@code runs} for {@code using: docker} (docs.github.com "Metadata syntax for GitHub
 * Actions#runs for Docker container actions") and the step's inputs.
 *
 * @param image          where the image comes from
 * @param entrypoint     {@code runs.entrypoint}: one program that replaces the image's ENTRYPOINT;
 *                       empty to keep the image's
 * @param args           {@code runs.args}: the container's command (each element one argument),
 *                       replacing the image's CMD; empty to keep the image's CMD
 * @param env            {@code runs.env}: variables set in the container above the step's own
 * @param inputs         the step's inputs by name (its {@code with:} values and the defaults of
 *                       action.yml), set as {@code INPUT_<NAME>}
 * @param preEntrypoint  {@code runs.pre-entrypoint}: the program of the {@link DockerActionStage#PRE} stage
 * @param postEntrypoint {@code runs.post-entrypoint}: the program of the {@link DockerActionStage#POST} stage
 */
public record DockerActionSpec(DockerImageSource image, Optional<String> entrypoint, List<String> args,
                               Map<String, String> env, Map<String, String> inputs, Optional<String> preEntrypoint,
                               Optional<String> postEntrypoint) {

    public DockerActionSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(entrypoint, "entrypoint");
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        Objects.requireNonNull(preEntrypoint, "preEntrypoint");
        Objects.requireNonNull(postEntrypoint, "postEntrypoint");
    }

    /**
     * The action of a {@code uses: docker://IMAGE} step (docs.github.com "Workflow syntax for GitHub
     * Actions#jobs.&lt;job_id&gt;.steps[*].with.args" and "#...with.entrypoint"): {@code with.args}
     * is one string, split into words as a shell would (quotes group, backslashes escape), and
     * {@code with.entrypoint} replaces the image's entrypoint; every {@code with:} value, these two
     * included, is an input as well.
     *
     * @return the spec, or why {@code with.args} cannot be split (an unterminated quote)
     */
    public static Result ofDockerStep(String image, Map<String, String> with) {
        Optional<String> args = valueOf(with, "args");
        OptionWords words = OptionWords.split(args.orElse(""));
        if (words.error().isPresent()) {
            return new Result(Optional.empty(), Optional.of("with.args has " + words.error().get()));
        }
        Optional<String> entrypoint = valueOf(with, "entrypoint").filter(e -> !e.isBlank());
        return new Result(Optional.of(new DockerActionSpec(new DockerImageSource.Image(image), entrypoint,
                words.words(), Map.of(), with, Optional.empty(), Optional.empty())), Optional.empty());
    }

    /** A spec, or the reason there is none. */
    public record Result(Optional<DockerActionSpec> spec, Optional<String> error) {
    }

    /** Input names are case-insensitive, as on GitHub. */
    private static Optional<String> valueOf(Map<String, String> with, String name) {
        return with.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .filter(Objects::nonNull).findFirst();
    }

    /** Whether {@code stage} runs: the main stage always, pre and post when the action names their program. */
    public boolean runs(DockerActionStage stage) {
        return stage == DockerActionStage.MAIN || entrypointOf(stage).isPresent();
    }

    /** The program that replaces the image's entrypoint in {@code stage}; empty keeps the image's. */
    public Optional<String> entrypointOf(DockerActionStage stage) {
        return switch (stage) {
            case PRE -> preEntrypoint;
            case MAIN -> entrypoint;
            case POST -> postEntrypoint;
        };
    }
}

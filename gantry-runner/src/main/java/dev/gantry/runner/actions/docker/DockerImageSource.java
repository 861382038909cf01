package dev.gantry.runner.actions.docker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a docker action's image comes from: {@code runs.image} of its action.yml
 * (docs.github.com "Metadata syntax for GitHub Actions#runs.image": "The Docker image to use as the
 * container to run the action. The value can be the Docker base image name, a local Dockerfile in
 * your repository, or a public image in Docker Hub or another registry"), or the image of a
 * {@code uses: docker://IMAGE} step.
 */
public sealed interface DockerImageSource {

    /** The prefix of image references in {@code uses:} and {@code runs.image}. */
    String DOCKER_SCHEME = "docker://";

    /**
     * An image by reference, pulled according to the run's pull policy.
     *
     * @param reference for example {@code alpine:3.20} or {@code ghcr.io/o/i@sha256:...}
     */
    record Image(String reference) implements DockerImageSource {
        public Image {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * An image built from a Dockerfile in the action's folder; the build context is the
     * Dockerfile's folder.
     *
     * @param dockerfile the Dockerfile (its name must be {@code Dockerfile})
     * @param actionKey  names the action in the image's tag, for example {@code owner/repo@v1} or
     *                   {@code ./.github/actions/lint}; the content of the folder decides the rest
     */
    record Dockerfile(Path dockerfile, String actionKey) implements DockerImageSource {
        public Dockerfile {
            Objects.requireNonNull(dockerfile, "dockerfile");
            Objects.requireNonNull(actionKey, "actionKey");
        }
    }

    /**
     * Reads {@code runs.image}: {@code docker://REF} is an image, anything else a Dockerfile path
     * relative to the action's folder.
     */
    static DockerImageSource of(String runsImage, Path actionFolder, String actionKey) {
        String value = runsImage.strip();
        return value.startsWith(DOCKER_SCHEME) ? new Image(value.substring(DOCKER_SCHEME.length()))
                : new Dockerfile(actionFolder.resolve(value).normalize(), actionKey);
    }
}

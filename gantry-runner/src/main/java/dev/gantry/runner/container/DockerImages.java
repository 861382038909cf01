package dev.gantry.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Images: presence, pulls by policy, and builds from a Dockerfile. Pull semantics follow
 * docs.docker.com "docker image pull" (a reference without a tag means {@code :latest}; a digest
 * pins the content); policies follow {@link PullPolicy}. Thread-safe.
 */
final class DockerImages {

    private final DockerConnection docker;

    DockerImages(DockerConnection docker) {
        this.docker = docker;
    }

    boolean exists(String image) throws ContainerException {
        try {
            docker.control.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot look up image '" + image + "': " + DockerErrors.engineMessage(e), e);
        }
    }

    void pull(String image, PullPolicy policy) throws ContainerException {
        switch (policy) {
            case NEVER -> {
                if (!exists(image)) {
                    throw new ContainerException("image '" + image + "' is not present on the Docker engine and the"
                            + " pull policy is 'never'; build or pull it first, or use --pull missing");
                }
            }
            case MISSING -> {
                if (!exists(image)) {
                    pullNow(image);
                }
            }
            case ALWAYS -> pullNow(image);
        }
    }

    private void pullNow(String image) throws ContainerException {
        ImageReference ref = ImageReference.parse(image);
        try {
            docker.streams.pullImageCmd(ref.repository()).withTag(ref.tagOrDigest())
                    .exec(new ResultCallback.Adapter<PullResponseItem>() {
                        @Override
                        public void onNext(PullResponseItem item) {
                            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                                onError(new IllegalStateException(item.getErrorDetail().getMessage()));
                            }
                        }
                    })
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("pulling image '" + image + "' was interrupted", e);
        } catch (RuntimeException e) {
            String said = DockerErrors.engineMessage(e);
            if (DockerErrors.registryUnreachable(said)) {
                throw new ContainerException("cannot pull image '" + image + "': no image registry is reachable from"
                        + " the Docker engine (" + said + "); build the image locally or use an image that is present", e);
            }
            if (DockerErrors.imageNotFound(said)) {
                throw new ContainerException("cannot pull image '" + image + "': the registry has no such image or"
                        + " refuses access (" + said + ")", e);
            }
            throw new ContainerException("cannot pull image '" + image + "': " + said, e);
        }
        if (!exists(image)) {
            throw new ContainerException("pulling image '" + image + "' finished but the engine does not have it");
        }
    }

    void build(Path contextDirectory, String tag, Consumer<String> progress) throws ContainerException {
        if (!Files.isRegularFile(contextDirectory.resolve("Dockerfile"))) {
            throw new ContainerException("cannot build image '" + tag + "': " + contextDirectory + " has no Dockerfile");
        }
        try {
            docker.streams.buildImageCmd(contextDirectory.toFile())
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null) {
                                item.getStream().lines().forEach(progress);
                            }
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
        } catch (RuntimeException e) {
            throw new ContainerException("building image '" + tag + "' from " + contextDirectory + " failed: "
                    + DockerErrors.engineMessage(e), e);
        }
    }

    /**
     * An image reference split as the pull endpoint wants it. Without a tag the engine would pull
     * every tag of the repository, so {@code latest} is made explicit here.
     *
     * @param repository  everything before the tag or digest, registry host included
     * @param tagOrDigest {@code 7}, {@code latest}, or {@code sha256:...}
     */
    record ImageReference(String repository, String tagOrDigest) {

        static ImageReference parse(String image) {
            int at = image.indexOf('@');
            if (at >= 0) {
                return new ImageReference(image.substring(0, at), image.substring(at + 1));
            }
            int colon = image.lastIndexOf(':');
            // A colon before the last slash belongs to a registry port (localhost:5000/app).
            if (colon > image.lastIndexOf('/')) {
                return new ImageReference(image.substring(0, colon), image.substring(colon + 1));
            }
            return new ImageReference(image, "latest");
        }
    }
}

package dev.gantry.runner.platform;

import dev.gantry.model.Container;
import dev.gantry.model.Job;

/**
 * Where a job whose runner label or tag was named with {@code -P} runs: on this machine, or in a
 * container of an image, as if the job had named that image itself.
 */
public sealed interface Platform {

    /** {@code LABEL=host}: on this machine, whatever operating system the label names. */
    record Host() implements Platform {
        @Override
        public String toString() {
            return "host";
        }
    }

    /**
     * {@code LABEL=docker://IMAGE}.
     *
     * @param image the image reference, without {@code docker://}, never blank
     */
    record Image(String image) implements Platform {

        /**
         * The job as if it named this image: GitHub {@code container: IMAGE}, GitLab {@code image: IMAGE}
         * (the model keeps both as the job's container).
         */
        public Job applyTo(Job j) {
            return new Job(j.id(), j.name(), j.stage(), j.needs(), j.condition(), j.matrix(), j.env(), j.runsOn(),
                    Container.image(image, j.range()), j.services(), j.steps(), j.caches(), j.artifacts(), j.timeout(),
                    j.retry(), j.allowFailure(), j.environment(), j.concurrency(), j.outputs(), j.details(), j.range());
        }

        @Override
        public String toString() {
            return "docker://" + image;
        }
    }
}

package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.container.DockerImages.ImageReference;
import org.junit.jupiter.api.Test;

class DockerImagesTest {

    @Test
    void aReferenceWithoutTagMeansLatest() {
        assertThat(ImageReference.parse("redis")).isEqualTo(new ImageReference("redis", "latest"));
        assertThat(ImageReference.parse("localhost:5000/team/app")).isEqualTo(new ImageReference("localhost:5000/team/app", "latest"));
    }

    @Test
    void tagsAndDigestsAreSplitOff() {
        assertThat(ImageReference.parse("redis:7-alpine")).isEqualTo(new ImageReference("redis", "7-alpine"));
        assertThat(ImageReference.parse("localhost:5000/app:1.2")).isEqualTo(new ImageReference("localhost:5000/app", "1.2"));
        assertThat(ImageReference.parse("ghcr.io/o/i@sha256:abc")).isEqualTo(new ImageReference("ghcr.io/o/i", "sha256:abc"));
    }
}

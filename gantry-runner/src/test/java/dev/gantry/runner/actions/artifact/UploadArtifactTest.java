package dev.gantry.runner.actions.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.actions.FakeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadArtifactTest {

    @TempDir
    Path dir;

    @Test
    void theLeastCommonAncestorOfSeveralSearchPathsIsTheRoot() {
        assertThat(UploadArtifact.root(List.of(Path.of("/w/build/out"), Path.of("/w/build/logs")),
                List.of(Path.of("/w/build/out/a")))).isEqualTo(Path.of("/w/build"));
        assertThat(UploadArtifact.root(List.of(Path.of("/w/foo/bar"), Path.of("/w/foo/voo/two"), Path.of("/w/foo/mo")),
                List.of())).isEqualTo(Path.of("/w/foo"));
        assertThat(UploadArtifact.root(List.of(Path.of("/w/target/app.jar")), List.of(Path.of("/w/target/app.jar"))))
                .as("a single file named exactly keeps only its name").isEqualTo(Path.of("/w/target"));
        assertThat(UploadArtifact.root(List.of(Path.of("/w/target")), List.of(Path.of("/w/target/a"))))
                .isEqualTo(Path.of("/w/target"));
    }

    @Test
    void invalidNamesAreRefused() throws Exception {
        assertThat(UploadArtifact.invalidCharacters("a/b:c")).isEqualTo("/:");
        FakeContext c = new FakeContext(dir).with("name", "a/b").with("path", "x");
        assertThat(new UploadArtifact(4).main(c).message()).contains("The artifact name is not valid: a/b");
    }

    @Test
    void version3AddsToAnArtifactOfTheSameNameAndIncludesHiddenFiles() throws Exception {
        FakeContext c = new FakeContext(dir);
        Files.createDirectories(c.workspace().resolve("d"));
        Files.writeString(c.workspace().resolve("d/one"), "1");
        Files.writeString(c.workspace().resolve("d/.two"), "2");
        assertThat(new UploadArtifact(3).main(c.with("path", "d/one")).ok()).isTrue();
        assertThat(new UploadArtifact(3).main(c.with("path", "d")).ok()).isTrue();

        FakeContext down = new FakeContext(dir, c.services()).with("name", "artifact").with("path", "got");
        assertThat(new DownloadArtifact(3).main(down).ok()).isTrue();
        assertThat(down.workspace().resolve("got/one")).hasContent("1");
        assertThat(down.workspace().resolve("got/.two")).hasContent("2");
    }

    @Test
    void compressionLevelMustBeZeroToNine() throws Exception {
        FakeContext c = new FakeContext(dir);
        Files.createDirectories(c.workspace());
        Files.writeString(c.workspace().resolve("one"), "1");
        assertThat(new UploadArtifact(4).main(c.with("path", "one").with("compression-level", "10")).message())
                .isEqualTo("Invalid compression-level. Valid values are 0-9");
        assertThat(new UploadArtifact(4).main(c.with("compression-level", "fast")).message())
                .isEqualTo("Invalid compression-level");
        assertThat(new UploadArtifact(4).main(c.with("compression-level", "0")).ok()).isTrue();
    }

    @Test
    void withoutArchiveASingleFileIsUploadedUnderItsOwnName() throws Exception {
        FakeContext c = new FakeContext(dir);
        Files.createDirectories(c.workspace().resolve("d"));
        Files.writeString(c.workspace().resolve("d/report.html"), "r");
        Files.writeString(c.workspace().resolve("d/other.html"), "o");
        assertThat(new UploadArtifact(7).main(c.with("name", "ignored").with("path", "d").with("archive", "false"))
                .message()).isEqualTo("When 'archive' is set to false, only a single file can be uploaded. Found 2"
                        + " files to upload.");
        assertThat(new UploadArtifact(7).main(c.with("path", "d/report.html")).ok()).isTrue();
        assertThat(c.services().artifacts().find("report.html")).isPresent();
        assertThat(c.services().artifacts().find("ignored")).isEmpty();
    }
}

package dev.gantry.runner.actions.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.actions.ActionResult;
import dev.gantry.runner.actions.FakeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadArtifactTest {

    @TempDir
    Path dir;

    FakeContext upload;

    @BeforeEach
    void uploadOne() throws Exception {
        upload = new FakeContext(dir);
        upload.github.put("run_id", "7");
        Files.createDirectories(upload.workspace());
        Files.writeString(upload.workspace().resolve("a.txt"), "a");
        assertThat(new UploadArtifact(4).main(upload.with("name", "out").with("path", "a.txt")).ok()).isTrue();
    }

    private FakeContext download() {
        FakeContext c = new FakeContext(dir, upload.services());
        c.github.put("run_id", "7");
        return c.with("name", "out").with("path", "got");
    }

    @Test
    void aTokenWithAnotherRunFailsSayingThoseArtifactsAreNotAvailable() {
        ActionResult result = new DownloadArtifact(4).main(download().with("github-token", "t").with("run-id", "1234"));
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).isEqualTo("Unable to download artifact(s): the artifacts of run 1234 of acme/app"
                + " are not available: gantry keeps only the artifacts of the run that uploaded them");

        ActionResult other = new DownloadArtifact(4).main(download().with("github-token", "t")
                .with("repository", "acme/other"));
        assertThat(other.message()).contains("run 7 of acme/other are not available");
    }

    @Test
    void aTokenNamingThisRunOrRunIdWithoutATokenDownloadsThisRunsArtifacts() {
        FakeContext same = download().with("github-token", "t").with("run-id", "7").with("repository", "acme/app");
        assertThat(new DownloadArtifact(4).main(same).ok()).isTrue();
        assertThat(same.workspace().resolve("got/a.txt")).hasContent("a");
        FakeContext noToken = download().with("run-id", "1234");
        assertThat(new DownloadArtifact(4).main(noToken).ok()).as("the original ignores run-id without a token")
                .isTrue();
        assertThat(noToken.warnings).isEmpty();
    }

    @Test
    void skipDecompressSavesTheArtifactAsAZipInsteadOfItsFiles() throws Exception {
        FakeContext c = download().with("skip-decompress", "true");
        Files.createDirectories(c.temp());

        assertThat(new DownloadArtifact(4).main(c).ok()).isTrue();

        Path zip = c.workspace().resolve("got/out.zip");
        assertThat(c.workspace().resolve("got/a.txt")).doesNotExist();
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(file.stream().map(java.util.zip.ZipEntry::getName)).containsExactly("a.txt");
            assertThat(new String(file.getInputStream(file.getEntry("a.txt")).readAllBytes())).isEqualTo("a");
        }
        assertThat(c.warnings).isEmpty();
    }

    @Test
    void digestMismatchMustBeOneOfItsValues() {
        ActionResult result = new DownloadArtifact(4).main(download().with("digest-mismatch", "loud"));
        assertThat(result.message()).isEqualTo("Invalid value for 'digest-mismatch': 'loud'. Valid options are:"
                + " ignore, info, warn, error");
        assertThat(new DownloadArtifact(4).main(download().with("digest-mismatch", "warn")).ok()).isTrue();
    }
}

package dev.gantry.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArtifactStoreTest {

    @TempDir
    Path dir;

    private FileArtifactStore store() {
        return new FileArtifactStore(dir.resolve("artifacts"), new MutableClock());
    }

    private List<ArchiveItem> files(String... namesAndContents) throws IOException {
        List<ArchiveItem> items = new ArrayList<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path source = dir.resolve("src").resolve(namesAndContents[i] + "." + i + "." + System.nanoTime());
            Files.createDirectories(source.getParent());
            Files.writeString(source, namesAndContents[i + 1]);
            items.add(new ArchiveItem(namesAndContents[i], source));
        }
        return items;
    }

    @Test
    void filesComeBackWithTheirRelativePathsAndContents() throws IOException {
        FileArtifactStore artifacts = store();
        ArtifactUploadResult result = artifacts.upload(new ArtifactUpload("jar",
                files("lib/a.jar", "A", "README", "read me"), 7, ArtifactUpload.Existing.FAIL));

        assertThat(result).isInstanceOfSatisfying(ArtifactUploadResult.Uploaded.class, u -> {
            assertThat(u.artifact().files()).isEqualTo(2);
            assertThat(u.artifact().size()).isEqualTo(8);
            assertThat(u.artifact().retentionDays()).isEqualTo(7);
            assertThat(u.artifact().digest()).hasSize(64);
        });
        Path out = dir.resolve("out");
        ArchiveStats stats = artifacts.download(artifacts.find("jar").orElseThrow(), out);

        assertThat(stats.entries()).isEqualTo(2);
        assertThat(out.resolve("lib/a.jar")).hasContent("A");
        assertThat(out.resolve("README")).hasContent("read me");
    }

    @Test
    void aSecondUploadOfANameFailsIsReplacedOrMergedAsAsked() throws IOException {
        FileArtifactStore artifacts = store();
        artifacts.upload(new ArtifactUpload("a", files("x", "1", "y", "1"), 0, ArtifactUpload.Existing.FAIL));

        assertThat(artifacts.upload(new ArtifactUpload("a", files("x", "2"), 0, ArtifactUpload.Existing.FAIL)))
                .isInstanceOf(ArtifactUploadResult.Exists.class);
        artifacts.upload(new ArtifactUpload("a", files("x", "3", "z", "3"), 0, ArtifactUpload.Existing.MERGE));
        Path merged = dir.resolve("merged");
        artifacts.download(artifacts.find("a").orElseThrow(), merged);
        assertThat(merged.resolve("x")).hasContent("3");
        assertThat(merged.resolve("y")).hasContent("1");
        assertThat(merged.resolve("z")).hasContent("3");

        artifacts.upload(new ArtifactUpload("a", files("only", "4"), 0, ArtifactUpload.Existing.REPLACE));
        Path replaced = dir.resolve("replaced");
        artifacts.download(artifacts.find("a").orElseThrow(), replaced);
        assertThat(replaced.resolve("only")).hasContent("4");
        assertThat(replaced.resolve("x")).doesNotExist();
        assertThat(artifacts.list()).hasSize(1);
    }

    @Test
    void aFailedUploadLeavesNoArtifactAndNoStagingFolder() throws IOException {
        FileArtifactStore artifacts = store();
        List<ArchiveItem> items = new ArrayList<>(files("a", "1"));
        items.add(new ArchiveItem("b", dir.resolve("does-not-exist")));

        assertThatThrownBy(() -> artifacts.upload(new ArtifactUpload("n", items, 0, ArtifactUpload.Existing.FAIL)))
                .isInstanceOf(IOException.class);
        assertThat(artifacts.list()).isEmpty();
        try (var left = Files.list(dir.resolve("artifacts"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void parallelUploadsOfDifferentNamesAllArrive() throws Exception {
        FileArtifactStore artifacts = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ArtifactUploadResult>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            List<ArchiveItem> items = files("f", "content " + i);
            String name = "n" + i;
            futures.add(pool.submit(() -> artifacts.upload(new ArtifactUpload(name, items, 0,
                    ArtifactUpload.Existing.FAIL))));
        }
        for (Future<ArtifactUploadResult> f : futures) {
            assertThat(f.get()).isInstanceOf(ArtifactUploadResult.Uploaded.class);
        }
        pool.shutdown();

        assertThat(artifacts.list()).hasSize(16);
        assertThat(artifacts.list()).extracting(Artifact::id).doesNotHaveDuplicates();
        Path out = dir.resolve("out");
        artifacts.download(artifacts.find("n11").orElseThrow(), out);
        assertThat(out.resolve("f")).hasContent("content 11");
    }
}

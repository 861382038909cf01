package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking what a container sends: only below the target directory. */
class DockerCopyTest {

    @TempDir
    Path root;

    private interface Entries {
        void add(TarArchiveOutputStream tar) throws IOException;
    }

    private static ByteArrayInputStream tar(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            entries.add(tar);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    @Test
    void unpacksFilesLinksAndModes() throws IOException {
        DockerCopy.extract(tar(t -> {
            file(t, "out/a.txt", "a", 0644);
            file(t, "out/bin/tool", "#!/bin/sh", 0755);
            link(t, "out/latest", "a.txt");
        }), root);

        assertThat(root.resolve("out/a.txt")).hasContent("a");
        assertThat(Files.isExecutable(root.resolve("out/bin/tool"))).isTrue();
        assertThat(Files.isExecutable(root.resolve("out/a.txt"))).isFalse();
        assertThat(root.resolve("out/latest")).hasContent("a");
    }

    @Test
    void refusesPathsOutsideTheTarget() throws IOException {
        ByteArrayInputStream evil = tar(t -> file(t, "../escaped.txt", "x", 0644));

        assertThatThrownBy(() -> DockerCopy.extract(evil, root)).hasMessageContaining("outside the target directory");
        assertThat(root.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesWritingThroughALinkItCreated() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        ByteArrayInputStream evil = tar(t -> {
            link(t, "out/dir", outside.toString());
            file(t, "out/dir/planted.txt", "x", 0644);
        });

        assertThatThrownBy(() -> DockerCopy.extract(evil, root)).hasMessageContaining("through a link");
        assertThat(outside.resolve("planted.txt")).doesNotExist();
    }
}

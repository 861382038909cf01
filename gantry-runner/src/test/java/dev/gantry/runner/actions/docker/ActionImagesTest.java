package dev.gantry.runner.actions.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and content hashes of the images built for docker actions. */
class ActionImagesTest {

    @TempDir
    Path dir;

    @Test
    void anActionKeyBecomesAnImageNameTheEngineAccepts() {
        assertThat(ActionImages.name("./.github/actions/Lint")).isEqualTo("github-actions-lint");
        assertThat(ActionImages.name("owner/repo/sub@v1.2")).isEqualTo("owner-repo-sub-v1-2");
        assertThat(ActionImages.name("@@")).isEqualTo("action");
        assertThat(ActionImages.name("x".repeat(300))).hasSize(100);
    }

    @Test
    void theHashFollowsContentNamesAndExecutableBitsButNotGit() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "echo hi\n");
        String first = ActionImages.contentHash(dir);
        assertThat(first).hasSize(16).isEqualTo(ActionImages.contentHash(dir));

        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertThat(ActionImages.contentHash(dir)).isEqualTo(first);

        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String executable = ActionImages.contentHash(dir);
        assertThat(executable).isNotEqualTo(first);

        Files.writeString(script, "echo bye\n");
        assertThat(ActionImages.contentHash(dir)).isNotEqualTo(executable);

        Files.move(script, dir.resolve("other.sh"));
        Files.writeString(dir.resolve("other.sh"), "echo bye\n");
        assertThat(ActionImages.contentHash(dir)).isNotEqualTo(executable);
    }
}

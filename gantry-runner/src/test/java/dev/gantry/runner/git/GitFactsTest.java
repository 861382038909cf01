package dev.gantry.runner.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.event.RepositoryFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFactsTest {

    @TempDir
    Path dir;

    private static final PersonIdent ME = new PersonIdent("Dev One", "dev@example.com");

    @Test
    void readsHeadBranchParentAndRemote() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("trunk").call()) {
            Files.writeString(dir.resolve("a.txt"), "1");
            git.add().addFilepattern(".").call();
            String first = git.commit().setMessage("first").setAuthor(ME).setCommitter(ME).setSign(false).call().name();
            Files.writeString(dir.resolve("docs.md"), "2");
            git.add().addFilepattern(".").call();
            String second = git.commit().setMessage("second\n\nbody").setAuthor(ME).setCommitter(ME).setSign(false)
                    .call().name();
            git.getRepository().getConfig().setString("remote", "origin", "url", "git@example.com:acme/widget.git");
            git.getRepository().getConfig().save();

            RepositoryFacts f = GitFacts.read(dir.resolve("."), Map.of("USER", "dev"));
            assertThat(f.sha()).isEqualTo(second);
            assertThat(f.beforeSha()).isEqualTo(first);
            assertThat(f.ref()).isEqualTo("refs/heads/trunk");
            assertThat(f.fullName()).isEqualTo("acme/widget");
            assertThat(f.message()).isEqualTo("second\n\nbody");
            assertThat(f.actor()).isEqualTo("dev");
            assertThat(GitFacts.changedFiles(dir, null, "HEAD")).containsExactly("docs.md");
            assertThat(GitFacts.changedFiles(dir, first, second)).containsExactly("docs.md");

            java.nio.file.Files.createDirectories(dir.resolve("project/src"));
            Files.writeString(dir.resolve("project/src/a.java"), "class A {}");
            Files.writeString(dir.resolve("outside.txt"), "x");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("third").setAuthor(ME).setCommitter(ME).setSign(false).call();
            assertThat(GitFacts.changedFiles(dir.resolve("project"), null, "HEAD")).containsExactly("src/a.java");
        }
    }

    @Test
    void aRevisionGivesItsOwnCommitAndTheBranchOrTagItNames() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("trunk").call()) {
            Files.writeString(dir.resolve("a.txt"), "1");
            git.add().addFilepattern(".").call();
            String first = git.commit().setMessage("first").setAuthor(ME).setCommitter(ME).setSign(false).call().name();
            git.tag().setName("v1").setAnnotated(true).setMessage("v1").setSigned(false).call();
            git.branchCreate().setName("old").call();
            Files.writeString(dir.resolve("a.txt"), "2");
            git.commit().setAll(true).setMessage("second").setAuthor(ME).setCommitter(ME).setSign(false).call();

            RepositoryFacts byTag = GitFacts.read(dir, Map.of(), "v1");
            assertThat(byTag.sha()).isEqualTo(first);
            assertThat(byTag.ref()).isEqualTo("refs/tags/v1");
            assertThat(byTag.beforeSha()).isEqualTo(RepositoryFacts.ZERO_SHA);
            assertThat(byTag.message()).isEqualTo("first");
            assertThat(GitFacts.read(dir, Map.of(), "old").ref()).isEqualTo("refs/heads/old");
            RepositoryFacts bySha = GitFacts.read(dir, Map.of(), "HEAD~1");
            assertThat(bySha.sha()).isEqualTo(first);
            assertThat(bySha.ref()).as("a bare revision runs on the current branch").isEqualTo("refs/heads/trunk");
            assertThatThrownBy(() -> GitFacts.read(dir, Map.of(), "nope")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no commit 'nope'");
            assertThatThrownBy(() -> GitFacts.read(dir, Map.of(), "a..b^{")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aMergeRequestChangesWhatItsBranchChangedSinceTheMergeBaseWithTheTarget() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "base.txt");
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, "docs.md");
            commit(git, "src.txt");
            git.checkout().setName("main").call();
            commit(git, "later-on-main.txt");
            git.checkout().setName("feature").call();

            RepositoryFacts f = GitFacts.read(dir, Map.of());
            assertThat(f.defaultBranch()).as("a local main, not the current feature branch").isEqualTo("main");
            assertThat(GitFacts.changedForMergeRequest(dir, "main", "HEAD")).contains(
                    java.util.List.of("docs.md", "src.txt"));
            assertThat(GitFacts.changedForMergeRequest(dir, "feature", "HEAD")).as("the branch is the target")
                    .isEmpty();
            assertThat(GitFacts.changedForMergeRequest(dir, "absent", "HEAD")).isEmpty();
        }
    }

    private void commit(Git git, String file) throws Exception {
        Files.writeString(dir.resolve(file), file);
        git.add().addFilepattern(".").call();
        git.commit().setMessage(file).setAuthor(ME).setCommitter(ME).setSign(false).call();
    }

    @Test
    void aRepositoryWithoutCommitsHasNoChangedFiles() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            RepositoryFacts f = GitFacts.read(dir, Map.of());
            assertThat(f.sha()).isEqualTo(RepositoryFacts.ZERO_SHA);
            assertThat(GitFacts.changedFiles(dir, null, f.sha())).isEmpty();
        }
    }

    @Test
    void aPlainFolderStillHasFacts() throws Exception {
        RepositoryFacts f = GitFacts.read(dir, Map.of());
        assertThat(f.sha()).isEqualTo(RepositoryFacts.ZERO_SHA);
        assertThat(f.ref()).isEqualTo("refs/heads/main");
        assertThat(f.name()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void ownerAndNameFromCommonUrlForms() {
        assertThat(GitFacts.ownerAndName("https://github.com/jhy/jsoup.git", dir)).containsExactly("jhy", "jsoup");
        assertThat(GitFacts.ownerAndName("git@gitlab.com:group/sub/proj.git", dir)).containsExactly("sub", "proj");
        assertThat(GitFacts.ownerAndName("ssh://git@host:22/o/n", dir)).containsExactly("o", "n");
        assertThat(GitFacts.ownerAndName("/srv/mirror/o+n//repo", dir)).containsExactly("o+n", "repo");
    }
}

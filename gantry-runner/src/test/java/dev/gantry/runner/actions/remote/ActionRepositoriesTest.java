package dev.gantry.runner.actions.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action cache against a real git repository on a {@code file://} server. */
class ActionRepositoriesTest {

    @TempDir
    Path dir;

    private Path server() {
        return dir.resolve("srv");
    }

    private String commit(String content) throws Exception {
        Path repo = server().resolve("acme/tool");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("action.yml"), content, StandardCharsets.UTF_8);
        try (Git git = Files.isDirectory(repo.resolve(".git")) ? Git.open(repo.toFile())
                : Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Test", "test@example.com");
            return git.commit().setMessage(content).setAuthor(me).setCommitter(me).setSign(false).call().name();
        }
    }

    private ActionRepositories repositories(boolean offline) {
        return new ActionRepositories(server().toUri().toString().replaceAll("/$", ""), dir.resolve("actions"), offline,
                Map.of());
    }

    private static String content(Path root) throws Exception {
        return Files.readString(root.resolve("action.yml"), StandardCharsets.UTF_8);
    }

    @Test
    void aBranchIsFetchedAgainWhenItMovedAndServedFromTheCacheOffline() throws Exception {
        String first = commit("one");
        Path one = repositories(false).checkout("acme", "tool", "main");
        assertThat(one.getFileName().toString()).isEqualTo(first);
        assertThat(one.resolve(".git")).doesNotExist();

        String second = commit("two");
        assertThat(content(repositories(true).checkout("acme", "tool", "main"))).isEqualTo("one");
        Path two = repositories(false).checkout("acme", "tool", "main");
        assertThat(two.getFileName().toString()).isEqualTo(second);
        assertThat(content(two)).isEqualTo("two");
        assertThat(content(one)).as("a tree once cached never changes").isEqualTo("one");
    }

    @Test
    void concurrentFetchesOfOneRefAllGetTheSameWholeTree() throws Exception {
        String sha = commit("same");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> repositories(false).checkout("acme", "tool", "main")));
            }
            for (Future<Path> f : results) {
                assertThat(content(f.get())).isEqualTo("same");
                assertThat(f.get().getFileName().toString()).isEqualTo(sha);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var entries = Files.list(dir.resolve("actions/acme/tool"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(sha, "refs");
        }
    }

    @Test
    void namesThatCouldLeaveTheCacheAreRefused() {
        assertThatThrownBy(() -> repositories(false).checkout("..", "tool", "v1"))
                .isInstanceOf(ActionFetchException.class).hasMessageContaining("not a valid action repository");
        assertThatThrownBy(() -> repositories(false).checkout("acme", "tool", " "))
                .isInstanceOf(ActionFetchException.class);
    }

    @Test
    void aMissingRepositoryNamesTheActionAndTheUrl() {
        assertThatThrownBy(() -> repositories(false).checkout("acme", "nothing", "v1"))
                .isInstanceOf(ActionFetchException.class)
                .hasMessageContaining("cannot fetch the action acme/nothing@v1 from file:");
    }
}

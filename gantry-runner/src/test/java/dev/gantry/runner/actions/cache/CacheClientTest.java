package dev.gantry.runner.actions.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.runner.actions.ActionInputs.InputError;
import dev.gantry.runner.actions.FakeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheClientTest {

    @TempDir
    Path dir;

    @Test
    void pathsAreStoredRelativeToWorkspaceOrHomeSoThatAnotherJobsFoldersReceiveThem() {
        Path ws = Path.of("/run/1/workspace");
        Path home = Path.of("/home/u");
        assertThat(CacheClient.name(Path.of("/run/1/workspace/node_modules/x"), ws, home)).isEqualTo("workspace/node_modules/x");
        assertThat(CacheClient.name(Path.of("/home/u/.m2/repository"), ws, home)).isEqualTo("home/.m2/repository");
        assertThat(CacheClient.name(Path.of("/opt/tool"), ws, home)).isEqualTo("root/opt/tool");
        assertThat(CacheClient.name(ws, ws, home)).isNull();
        assertThat(CacheClient.target("workspace/node_modules/x", Path.of("/run/2/workspace"), home))
                .isEqualTo(Path.of("/run/2/workspace/node_modules/x"));
        assertThat(CacheClient.target("root/opt/tool", ws, home)).isEqualTo(Path.of("/opt/tool"));
        assertThat(CacheClient.target("elsewhere/x", ws, home)).isNull();
    }

    @Test
    void keysAreValidatedAsGithubDoes() throws InputError {
        CacheClient.validate(List.of("a", "b"));
        assertThatThrownBy(() -> CacheClient.validate(List.of("a,b"))).hasMessage("Key Validation Error: a,b cannot contain commas.");
        assertThatThrownBy(() -> CacheClient.validate(List.of("k".repeat(513))))
                .hasMessageContaining("cannot be larger than 512 characters");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("k" + i);
        }
        assertThatThrownBy(() -> CacheClient.validate(eleven)).hasMessage("Key Validation Error: Keys are limited to a maximum of 10.");
    }

    @Test
    void aRunMayReadItsRefThenThePullRequestBaseThenTheDefaultBranchOfItsOwnRepository() {
        FakeContext c = new FakeContext(dir);
        c.github.put("repository", "octo/app");
        c.github.put("ref", "refs/pull/7/merge");
        c.github.put("base_ref", "release");
        c.github.put("event", Map.of("repository", Map.of("default_branch", "main")));
        assertThat(new CacheClient(c).scopes()).containsExactly("octo/app:refs/pull/7/merge", "octo/app:refs/heads/release",
                "octo/app:refs/heads/main");
        c.github.put("ref", "refs/heads/main");
        c.github.remove("base_ref");
        assertThat(new CacheClient(c).scopes()).containsExactly("octo/app:refs/heads/main");
    }

    @Test
    void theVersionDependsOnThePathsSoOtherPathsNeverRestoreAnEntry() {
        assertThat(CacheClient.version(List.of("a", "b"))).isEqualTo(CacheClient.version(List.of("a", "b")))
                .isNotEqualTo(CacheClient.version(List.of("a")));
    }

    @Test
    void aBranchRestoresTheDefaultBranchsEntryButSavesInItsOwnScope() throws Exception {
        FakeContext main = new FakeContext(dir);
        main.github.put("event", Map.of("repository", Map.of("default_branch", "main")));
        Files.createDirectories(main.workspace().resolve("c"));
        Files.writeString(main.workspace().resolve("c/f"), "from main");
        assertThat(new CacheClient(main).save(List.of("c"), "k")).isTrue();

        FakeContext feature = new FakeContext(dir);
        feature.github.put("ref", "refs/heads/feature");
        feature.github.put("event", Map.of("repository", Map.of("default_branch", "main")));
        Files.delete(main.workspace().resolve("c/f"));
        assertThat(new CacheClient(feature).restore(List.of("c"), "k", List.of(), false)).contains("k");
        assertThat(feature.workspace().resolve("c/f")).hasContent("from main");
        assertThat(new CacheClient(feature).save(List.of("c"), "k")).as("k is free in the feature branch's scope").isTrue();
        assertThat(new CacheClient(main).save(List.of("c"), "k")).as("but taken in main's").isFalse();
        assertThat(main.lines).anyMatch(l -> l.contains("Unable to reserve cache with key k"));
    }

    @Test
    void aDamagedArchiveIsAWarningAndAMissNotAFailure() throws Exception {
        FakeContext c = new FakeContext(dir);
        Files.createDirectories(c.workspace().resolve("c"));
        Files.writeString(c.workspace().resolve("c/f"), "x".repeat(10_000));
        assertThat(new CacheClient(c).save(List.of("c"), "k")).isTrue();
        try (var archives = Files.list(dir.resolve("cache/entries"))) {
            Files.writeString(archives.findFirst().orElseThrow(), "not zstd at all");
        }

        assertThat(new CacheClient(c).restore(List.of("c"), "k", List.of(), false)).isEmpty();
        assertThat(c.warnings).singleElement().asString().startsWith("Failed to restore: ");
    }
}

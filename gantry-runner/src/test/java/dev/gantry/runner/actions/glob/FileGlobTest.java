package dev.gantry.runner.actions.glob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobTest {

    @TempDir
    Path dir;

    private Path ws;
    private Path home;

    @BeforeEach
    void tree() throws IOException {
        ws = dir.resolve("ws");
        home = dir.resolve("home");
        for (String f : List.of("ws/a.txt", "ws/b.log", "ws/src/x.txt", "ws/src/deep/y.txt", "ws/src/deep/skip/z.txt",
                "ws/.hidden/h.txt", "ws/src/.env", "ws/c1.txt", "ws/c2.txt", "home/.m2/repository/r.jar")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
    }

    private List<String> files(FileGlob.Options options, String... patterns) throws IOException {
        return FileGlob.of(List.of(patterns), ws, home).find(options).stream().filter(m -> !m.directory())
                .map(m -> (m.path().startsWith(ws) ? ws : dir).relativize(m.path()).toString()).toList();
    }

    private static final FileGlob.Options ARTIFACT = new FileGlob.Options(true, true, true);
    private static final FileGlob.Options CACHE = new FileGlob.Options(true, false, false);

    @Test
    void globstarStarAndQuestionMarkAndSets() throws IOException {
        assertThat(files(CACHE, "**/*.txt")).containsExactly(".hidden/h.txt", "a.txt", "c1.txt", "c2.txt",
                "src/deep/skip/z.txt", "src/deep/y.txt", "src/x.txt");
        assertThat(files(CACHE, "c?.txt")).containsExactly("c1.txt", "c2.txt");
        assertThat(files(CACHE, "c[!1].txt")).containsExactly("c2.txt");
        assertThat(files(CACHE, "src/*.txt")).containsExactly("src/x.txt");
    }

    @Test
    void aFolderBringsItsContentsAndExclusionsTakeSubtreesOut() throws IOException {
        assertThat(files(CACHE, "src", "!src/deep/skip")).containsExactly("src/.env", "src/deep/y.txt", "src/x.txt");
        assertThat(files(CACHE, "src/**", "!**/*.txt")).containsExactly("src/.env");
        assertThat(files(CACHE, "# a comment", "", "./src/../a.txt")).containsExactly("a.txt");
    }

    @Test
    void hiddenFilesAreLeftOutOnlyWhenAsked() throws IOException {
        assertThat(files(ARTIFACT, "src", ".hidden")).containsExactly("src/deep/skip/z.txt", "src/deep/y.txt", "src/x.txt");
        assertThat(files(CACHE, ".hidden")).containsExactly(".hidden/h.txt");
    }

    @Test
    void tildeIsTheHomeFolderAndSearchPathsDropNestedOnes() throws IOException {
        assertThat(files(CACHE, "~/.m2/repository")).containsExactly("home/.m2/repository/r.jar");
        FileGlob glob = FileGlob.of(List.of("src/deep/*.txt", "src/**/x.txt", "!src/deep", "a.txt"), ws, home);
        assertThat(glob.searchPaths()).containsExactly(ws.resolve("src"), ws.resolve("a.txt"));
    }

    @Test
    void namePatternsForArtifactNames() {
        assertThat(NameGlob.of("reports-*").matches("reports-jdk-17")).isTrue();
        assertThat(NameGlob.of("reports-*").matches("other")).isFalse();
        assertThat(NameGlob.of("{a,b}-?").matches("b-1")).isTrue();
        assertThat(NameGlob.of("x.(y)").matches("x.(y)")).isTrue();
    }
}

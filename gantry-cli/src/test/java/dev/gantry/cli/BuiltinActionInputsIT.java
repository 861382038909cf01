package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of the built-in actions that change the workspace: actions/checkout's
 * {@code sparse-checkout} (README "Usage" and "Fetch only the root files and .github and src
 * folder"), in cone mode and not.
 */
class BuiltinActionInputsIT {

    @TempDir
    Path dir;

    private GantryProcess repo() throws Exception {
        return new GantryProcess(dir.resolve("repo"))
                .file("top.txt", "top\n")
                .file("src/main.c", "int main;\n")
                .file("src/deep/more.c", "int more;\n")
                .file("docs/guide.md", "# guide\n")
                .file("other/data.txt", "data\n");
    }

    @Test
    void sparseCheckoutInConeModeKeepsTheRootFilesAndTheNamedFolders() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          sparse-checkout: |
                            .github
                            src
                      - run: |
                          find . -path ./.git -prune -o -type f -print | sort | tr '\\n' ' '; echo
                          git status --porcelain | wc -l | sed 's/^/changes=/'
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("./top.txt", "./src/main.c", "./src/deep/more.c", "./.github/workflows/ci.yml",
                "changes=0").doesNotContain("./docs/guide.md", "./other/data.txt");
    }

    @Test
    void sparseCheckoutWithoutConeModeTakesGitignoreLikePatterns() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          sparse-checkout: |
                            *.md
                          sparse-checkout-cone-mode: false
                      - run: find . -path ./.git -prune -o -type f -print | sort | tr '\\n' ' '
                """).commit().run();
        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("./docs/guide.md").doesNotContain("./top.txt", "./src/main.c");
    }
}

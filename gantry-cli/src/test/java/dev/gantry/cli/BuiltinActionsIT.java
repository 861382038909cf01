package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run} of workflows that use the built-in actions, through the CLI entry point, with a
 * cache store of the test's own (system property {@code gantry.cache.dir}) and, for checkouts of
 * other repositories, a {@code file://} server ({@code gantry.github.url}).
 */
class BuiltinActionsIT {

    @TempDir
    Path dir;

    @BeforeEach
    void ownCacheStore() {
        System.setProperty("gantry.cache.dir", dir.resolve("cache-store").toString());
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("gantry.cache.dir");
        System.clearProperty("gantry.github.url");
    }

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    private static JsonNode step(GantryProcess.Outcome o, String job, int index) {
        return o.job(job).get("steps").get(index);
    }

    private static List<String> annotations(GantryProcess.Outcome o) {
        List<String> all = new ArrayList<>();
        o.json().get("annotations").forEach(a -> all.add(a.get("level").asText() + " " + a.get("title").asText() + ": "
                + a.get("message").asText()));
        return all;
    }

    private static final String CACHE_WORKFLOW = """
            on: push
            jobs:
              c:
                runs-on: ubuntu-latest
                steps:
                  - id: cache
                    uses: actions/cache@v4
                    with:
                      path: cached
                      key: ${{ vars.KEY }}
                      restore-keys: ${{ vars.RESTORE }}
                  - run: echo "hit=[${{ steps.cache.outputs.cache-hit }}] content=[$(cat cached/v 2>/dev/null)]"
                  - run: mkdir -p cached && printf '%s' "$(cat cached/v 2>/dev/null)${{ vars.ADD }}" > cached/v
            """;

    @Test
    void cacheRestoresTheNewestPrefixMatchSavesTheMissedKeyAndHitsExactlyNextTime() throws Exception {
        GantryProcess repo = repo().workflow(CACHE_WORKFLOW).commit();
        assertThat(repo.run("--var", "KEY=k-old", "--var", "ADD=old").exit()).isZero();
        Thread.sleep(5); // entries are ordered by their save time
        assertThat(repo.run("--var", "KEY=k-new", "--var", "ADD=new").exit()).isZero();

        GantryProcess.Outcome partial = repo.run("--var", "KEY=k-2", "--var", "RESTORE=k-", "--var", "ADD=+2");

        assertThat(partial.exit()).as(partial.out()).isZero();
        assertThat(step(partial, "c", 0).get("outputs").get("cache-hit").asText()).isEqualTo("false");
        assertThat(partial.out()).contains("Cache restored from key: k-new", "hit=[false] content=[new]",
                "Cache saved with key: k-2");
        assertThat(annotations(partial)).contains("notice cache: partial hit: k-new restored, 0.0 MB")
                .anyMatch(a -> a.startsWith("notice cache: saved: k-2"));

        GantryProcess.Outcome exact = repo.run("--var", "KEY=k-2", "--var", "RESTORE=k-", "--var", "ADD=");

        assertThat(exact.exit()).as(exact.out()).isZero();
        assertThat(step(exact, "c", 0).get("outputs").get("cache-hit").asText()).isEqualTo("true");
        assertThat(exact.out()).contains("hit=[true] content=[new+2]",
                "Cache hit occurred on the primary key k-2, not saving cache.")
                .doesNotContain("Cache saved with key");
    }

    @Test
    void aCacheMissLeavesCacheHitUnsetAndAFailingJobSavesNothing() throws Exception {
        GantryProcess.Outcome failing = repo().workflow("""
                on: push
                jobs:
                  c:
                    runs-on: ubuntu-latest
                    steps:
                      - id: cache
                        uses: actions/cache@v4
                        with:
                          path: |
                            cached
                            !cached/skip
                          key: fail-key
                      - run: echo "hit=[${{ steps.cache.outputs.cache-hit }}]"; mkdir -p cached/skip; echo x > cached/x; exit 1
                """).commit().run();
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.out()).contains("hit=[]", "Cache not found for input keys: fail-key")
                .doesNotContain("Cache saved");
        GantryProcess.Outcome lookup = repo().workflow("""
                on: push
                jobs:
                  c:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/cache/restore@v4
                        id: r
                        with:
                          path: cached
                          key: fail-key
                          fail-on-cache-miss: true
                """).commit().run();
        assertThat(lookup.exit()).isEqualTo(1);
        assertThat(lookup.out()).contains("Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key:"
                + " fail-key");
        assertThat(step(lookup, "c", 0).get("outputs").get("cache-primary-key").asText()).isEqualTo("fail-key");
    }

    @Test
    void artifactsUploadedInOneJobArriveInTheNextWithTheirPathsAndAMissingNameFailsClearly() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: mkdir -p build/out/sub build/logs && echo alpha > build/out/a.txt && echo beta > build/out/sub/b.txt && echo log > build/logs/x.log && echo hidden > build/out/.secret
                      - id: up
                        uses: actions/upload-artifact@v4
                        with:
                          name: bundle
                          path: |
                            build/out
                            build/logs/*.log
                          retention-days: 3
                      - run: echo "id=${{ steps.up.outputs.artifact-id }}"
                  b:
                    needs: a
                    runs-on: ubuntu-latest
                    steps:
                      - id: down
                        uses: actions/download-artifact@v4
                        with:
                          name: bundle
                          path: got
                      - run: |
                          cd got && find . -type f | sort && echo "a=$(cat out/a.txt) b=$(cat out/sub/b.txt) log=$(cat logs/x.log)"
                          echo "path=${{ steps.down.outputs.download-path }}"
                      - id: missing
                        uses: actions/download-artifact@v4
                        continue-on-error: true
                        with:
                          name: nope
                """).commit().run();

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("./logs/x.log", "./out/a.txt", "./out/sub/b.txt", "a=alpha b=beta log=log",
                "With the provided path, there will be 3 files uploaded")
                .doesNotContain("./out/.secret");
        assertThat(o.out()).containsPattern("path=/\\S+/workspace/got");
        assertThat(step(o, "b", 2).get("outcome").asText()).isEqualTo("failure");
        assertThat(o.out()).contains("Unable to download artifact(s): Artifact not found for name: nope (this run has the"
                + " artifact 'bundle' (id 1))");
        assertThat(annotations(o)).contains("notice artifact: uploaded 'bundle': 3 files, 15 bytes, retention 3 days");
    }

    @Test
    void downloadByPatternPutsEachArtifactInItsFolderOrMergesThem() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  up:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        n: [1, 2]
                    steps:
                      - run: echo "report ${{ matrix.n }}" > r${{ matrix.n }}.txt
                      - uses: actions/upload-artifact@v4
                        with:
                          name: reports-${{ matrix.n }}
                          path: r${{ matrix.n }}.txt
                      - uses: actions/upload-artifact@v4
                        with:
                          name: other-${{ matrix.n }}
                          path: r${{ matrix.n }}.txt
                  down:
                    needs: up
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/download-artifact@v4
                        with:
                          pattern: reports-*
                          path: separate
                      - uses: actions/download-artifact@v4
                        with:
                          pattern: reports-*
                          path: merged
                          merge-multiple: true
                      - run: find separate merged -type f | sort
                """).commit().run();

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("merged/r1.txt", "merged/r2.txt", "separate/reports-1/r1.txt",
                "separate/reports-2/r2.txt").doesNotContain("separate/other", "merged/other");
    }

    @Test
    void uploadingANameTwiceFailsUnlessOverwriteAndNoFilesCanBeAnError() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo 1 > f.txt
                      - uses: actions/upload-artifact@v4
                        with: {name: x, path: f.txt}
                      - id: again
                        continue-on-error: true
                        uses: actions/upload-artifact@v4
                        with: {name: x, path: f.txt}
                      - uses: actions/upload-artifact@v4
                        with: {name: x, path: f.txt, overwrite: true}
                      - id: none
                        continue-on-error: true
                        uses: actions/upload-artifact@v4
                        with: {name: y, path: nothing-here/, if-no-files-found: error}
                """).commit().run();

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(step(o, "a", 2).get("outcome").asText()).isEqualTo("failure");
        assertThat(step(o, "a", 3).get("outcome").asText()).isEqualTo("success");
        assertThat(step(o, "a", 4).get("outcome").asText()).isEqualTo("failure");
        assertThat(o.out()).contains("an artifact with the name 'x' already exists",
                "No files were found with the provided path: nothing-here/. No artifacts will be uploaded.");
    }

    @Test
    void setupJavaPutsTheAskedJdkFirstOnPathAndSetsItsVariables() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        java: ['17', '25']
                    steps:
                      - id: java
                        uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: ${{ matrix.java }}
                      - run: |
                          echo "JH${{ matrix.java }}=$JAVA_HOME which=$(command -v java)"
                          echo "major${{ matrix.java }}=$JAVA_HOME_${{ matrix.java }}_X64"
                          java -version 2>&1 | head -n 1
                """).commit().run();

        assertThat(o.exit()).as(o.out()).isZero();
        String jdk17 = "/usr/lib/jvm/java-17-openjdk-amd64";
        String jdk25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
        assertThat(o.out()).contains("JH17=" + jdk17 + " which=" + jdk17 + "/bin/java", "major17=" + jdk17,
                "JH25=" + jdk25 + " which=" + jdk25 + "/bin/java", "major25=" + jdk25,
                "openjdk version \"17.", "openjdk version \"25");
        JsonNode outputs17 = step(o, "j (17)", 0).get("outputs");
        assertThat(outputs17.get("path").asText()).isEqualTo(jdk17);
        assertThat(outputs17.get("version").asText()).startsWith("17.0.");
        assertThat(outputs17.get("distribution").asText()).isEqualTo("temurin");
        assertThat(step(o, "j (25)", 0).get("outputs").get("version").asText()).startsWith("25.");
    }

    @Test
    void setupJavaOfAVersionNotInstalledFailsListingTheInstalledOnes() throws Exception {
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: '11'
                """).commit().run();

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("Java '11' is not installed on this machine",
                "17.0.", "(/usr/lib/jvm/java-17-openjdk-amd64)", "25.", "(/usr/lib/jvm/temurin-25-jdk-amd64)");
    }

    @Test
    void checkoutWithPathCopiesTheWorkingTreeIntoThatFolderWithItsGitHistory() throws Exception {
        GantryProcess repo = repo().file("README", "committed\n").workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: co
                        uses: actions/checkout@v4
                        with:
                          path: sub
                      - run: |
                          echo "readme=$(cat sub/README) local=$(cat sub/local.txt)"
                          echo "head=$(git -C sub rev-parse HEAD) commit=${{ steps.co.outputs.commit }} ref=${{ steps.co.outputs.ref }}"
                          echo "origin=$(git -C sub config remote.origin.url) gc=$(git -C sub config gc.auto)"
                          echo "safe=$(git config --get-all safe.directory)"
                """).commit();
        Files.writeString(dir.resolve("repo/local.txt"), "untracked but not ignored\n");

        GantryProcess.Outcome o = repo.run();

        assertThat(o.exit()).as(o.out()).isZero();
        String head;
        try (Git git = Git.open(dir.resolve("repo").toFile())) {
            head = git.getRepository().resolve("HEAD").name();
        }
        assertThat(o.out()).contains("readme=committed local=untracked but not ignored",
                "head=" + head + " commit=" + head + " ref=refs/heads/main", "gc=0")
                .containsPattern("safe=/\\S+/workspace/sub");
    }

    @Test
    void checkoutOfARefChecksOutThatCommittedRevision() throws Exception {
        GantryProcess repo = repo().file("version.txt", "one\n").workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: co
                        uses: actions/checkout@v4
                        with:
                          ref: v1
                      - run: echo "version=$(cat version.txt) ref=${{ steps.co.outputs.ref }}"
                """).commit();
        try (Git git = Git.open(dir.resolve("repo").toFile())) {
            git.tag().setName("v1").setAnnotated(false).call();
        }
        repo.file("version.txt", "two\n").commit();

        GantryProcess.Outcome o = repo.run();

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("version=one ref=refs/tags/v1");
    }

    @Test
    void checkoutOfTheRunsOwnRefIsTheWorkingTreeEvenForAPullRequestMergeRef() throws Exception {
        GantryProcess repo = repo().file("version.txt", "committed\n").workflow("""
                on: pull_request
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: co
                        uses: actions/checkout@v4
                        with:
                          ref: ${{ github.ref }}
                      - id: sha
                        uses: actions/checkout@v4
                        with:
                          ref: ${{ github.sha }}
                          path: sub
                      - run: echo "version=$(cat version.txt) sub=$(cat sub/version.txt) ref=${{ steps.co.outputs.ref }}"
                """).commit();
        repo.file("version.txt", "edited\n");

        GantryProcess.Outcome o = repo.run("--event", "pull_request");

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).containsPattern("version=edited sub=edited ref=refs/pull/\\d+/merge");
    }

    @Test
    void checkoutOfAnotherRepositoryClonesItFromTheConfiguredServer() throws Exception {
        Path server = dir.resolve("server");
        Path source = dir.resolve("lib-source");
        String sha;
        PersonIdent me = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            Files.writeString(source.resolve("lib.txt"), "library\n");
            git.add().addFilepattern(".").call();
            sha = git.commit().setMessage("lib").setAuthor(me).setCommitter(me).setSign(false).call().name();
            git.branchCreate().setName("feature").call();
        }
        Git.cloneRepository().setURI(source.toUri().toString()).setBare(true)
                .setDirectory(server.resolve("acme/lib.git").toFile()).call().close();
        System.setProperty("gantry.github.url", server.toUri().toString());

        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: lib
                        uses: actions/checkout@v4
                        with:
                          repository: acme/lib
                          path: deps/lib
                      - id: feature
                        uses: actions/checkout@v4
                        with:
                          repository: acme/lib
                          ref: feature
                          path: deps/feature
                          fetch-depth: 0
                      - run: |
                          echo "lib=$(cat deps/lib/lib.txt) ref=${{ steps.lib.outputs.ref }} commit=${{ steps.lib.outputs.commit }}"
                          echo "feature=${{ steps.feature.outputs.ref }} branch=$(git -C deps/feature rev-parse --abbrev-ref HEAD)"
                """).commit().run();

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(o.out()).contains("lib=library ref=refs/heads/main commit=" + sha,
                "feature=refs/heads/feature branch=feature");
    }
}

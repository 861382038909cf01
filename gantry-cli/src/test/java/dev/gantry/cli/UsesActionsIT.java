package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gantry run} of workflows that use local and remote actions (composite and JavaScript),
 * through the CLI entry point, with real processes and real git repositories: remote actions come
 * from a {@code file://} server in the test's folder ({@code gantry.github.url}) and land in an
 * action cache of the test's own (beside {@code gantry.cache.dir}). Steps write files under the
 * folder {@code $OUT} to show what ran.
 */
class UsesActionsIT {

    @TempDir
    Path dir;

    @BeforeEach
    void ownServerAndCache() {
        System.setProperty("gantry.cache.dir", dir.resolve("cache/store").toString());
        System.setProperty("gantry.github.url", dir.resolve("srv").toUri().toString().replaceAll("/$", ""));
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("gantry.cache.dir");
        System.clearProperty("gantry.github.url");
    }

    private GantryProcess repo() {
        return new GantryProcess(dir.resolve("repo"));
    }

    private String out(String file) throws Exception {
        return Files.readString(dir.resolve("out").resolve(file), StandardCharsets.UTF_8);
    }

    private String[] withOut(String... args) throws Exception {
        Files.createDirectories(dir.resolve("out"));
        String[] all = new String[args.length + 2];
        all[0] = "--env";
        all[1] = "OUT=" + dir.resolve("out");
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    /** The step of job {@code job} called {@code name}. */
    private static JsonNode step(GantryProcess.Outcome o, String job, String name) {
        for (JsonNode s : o.job(job).get("steps")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step '" + name + "' in " + o.job(job));
    }

    private static final String INNER = """
            name: Inner
            description: makes a word
            inputs:
              word:
                description: the word
                default: plain
            outputs:
              said:
                description: what it made
                value: ${{ steps.make.outputs.text }}
            runs:
              using: composite
              steps:
                - id: make
                  shell: bash
                  run: |
                    echo "text=inner-${{ inputs.word }}" >> "$GITHUB_OUTPUT"
                    basename "$GITHUB_ACTION_PATH" > "$OUT/inner-path"
            """;

    private static final String OUTER = """
            name: Outer
            description: calls the inner action twice
            inputs:
              greeting:
                description: the greeting
                default: hello
            outputs:
              result:
                description: both inner words
                value: ${{ steps.call.outputs.said }}+${{ steps.bare.outputs.said }}
            runs:
              using: composite
              steps:
                - id: call
                  uses: ./.github/actions/inner
                  with:
                    word: ${{ inputs.greeting }}
                - id: bare
                  uses: ./.github/actions/inner
                - if: ${{ inputs.greeting == 'never' }}
                  shell: bash
                  run: echo skipped > "$OUT/skipped"
                - shell: bash
                  env:
                    SEEN: ${{ steps.call.outputs.said }}
                  run: echo "$SEEN ${{ github.action_path != '' }}" > "$OUT/outer-saw"
            """;

    @Test
    void aCompositeActionMapsANestedCompositesOutputAndHidesItsStepIds() throws Exception {
        GantryProcess.Outcome o = repo()
                .file(".github/actions/inner/action.yml", INNER)
                .file(".github/actions/outer/action.yml", OUTER)
                .workflow("""
                        on: push
                        jobs:
                          a:
                            runs-on: ubuntu-latest
                            steps:
                              - id: outer
                                uses: ./.github/actions/outer
                              - id: given
                                uses: ./.github/actions/outer
                                with:
                                  greeting: hi
                              - run: |
                                  echo '${{ steps.outer.outputs.result }}' > "$OUT/result"
                                  echo '${{ toJSON(steps) }}' > "$OUT/steps.json"
                        """).commit().run(withOut());

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(step(o, "a", "Run ./.github/actions/outer").get("outputs").get("result").asText())
                .isEqualTo("inner-hello+inner-plain");
        assertThat(o.job("a").get("steps").get(1).get("outputs").get("result").asText()).isEqualTo("inner-hi+inner-plain");
        assertThat(out("result")).isEqualTo("inner-hello+inner-plain\n");
        assertThat(out("outer-saw")).isEqualTo("inner-hi true\n");
        assertThat(out("inner-path")).isEqualTo("inner\n");
        assertThat(dir.resolve("out/skipped")).doesNotExist();
        JsonNode steps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out("steps.json"));
        assertThat(steps.fieldNames()).toIterable().containsExactlyInAnyOrder("outer", "given");
    }

    @Test
    void aSelfRepositoryReferenceFindsTheActionInTheRepositoryEvenWithoutItInTheWorkspace() throws Exception {
        // vitejs/vite's issue workflows: `uses: $/.github/actions/issues-helper` and no checkout.
        GantryProcess.Outcome o = repo()
                .file(".github/actions/inner/action.yml", INNER)
                .workflow("""
                        on: push
                        jobs:
                          a:
                            runs-on: ubuntu-latest
                            steps:
                              - run: rm -rf .github
                              - id: own
                                uses: $/.github/actions/inner
                                with:
                                  word: self
                              - run: echo '${{ steps.own.outputs.said }}' > "$OUT/said"
                        """).commit().run(withOut());

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(out("said")).isEqualTo("inner-self\n");
        assertThat(o.out()).contains("$/.github/actions/inner");
    }

    @Test
    void aFailingInnerStepFailsTheCompositeUnlessContinueOnErrorAndLaterStepsSeeFailure() throws Exception {
        GantryProcess.Outcome o = repo()
                .file(".github/actions/flaky/action.yml", """
                        name: Flaky
                        description: fails in the middle
                        runs:
                          using: composite
                          steps:
                            - shell: bash
                              run: exit 3
                            - shell: bash
                              run: echo after > "$OUT/after"
                            - if: failure()
                              shell: bash
                              run: echo cleanup > "$OUT/cleanup"
                        """)
                .workflow("""
                        on: push
                        jobs:
                          a:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: ./.github/actions/flaky
                              - if: failure()
                                run: echo job-saw-failure > "$OUT/job"
                        """).commit().run(withOut());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(dir.resolve("out/after")).doesNotExist();
        assertThat(out("cleanup")).isEqualTo("cleanup\n");
        assertThat(out("job")).isEqualTo("job-saw-failure\n");
        assertThat(o.out()).contains("Process completed with exit code 3.");
    }

    private static final String NODE_ACTION = """
            name: Node
            description: JavaScript with pre and post
            inputs:
              who:
                description: whom
                default: world
              my input:
                description: a name with a space
            outputs:
              greeting:
                description: what main said
            runs:
              using: node20
              pre: pre.js
              main: main.js
              post: post.js
            """;

    private GantryProcess nodeAction(GantryProcess repo, String folder, String version) throws Exception {
        return repo.file(folder + "/action.yml", NODE_ACTION)
                .file(folder + "/pre.js", """
                        const fs = require('fs');
                        fs.writeFileSync(process.env.OUT + '/pre', 'pre ' + process.env.INPUT_WHO);
                        fs.appendFileSync(process.env.GITHUB_STATE, 'from_pre=yes\\n');
                        """)
                .file(folder + "/main.js", """
                        const fs = require('fs');
                        const e = process.env;
                        fs.writeFileSync(e.OUT + '/main', `%s ${e.INPUT_WHO} ${e.INPUT_MY_INPUT} pre=${e.STATE_from_pre}`);
                        fs.appendFileSync(e.GITHUB_STATE, `token=t-${e.INPUT_WHO}\\n`);
                        fs.appendFileSync(e.GITHUB_OUTPUT, `greeting=hi ${e.INPUT_WHO}\\n`);
                        console.log('::add-mask::hidden-value');
                        console.log('main says hidden-value');
                        """.formatted(version))
                .file(folder + "/post.js", """
                        require('fs').writeFileSync(process.env.OUT + '/post',
                            `post token=${process.env.STATE_token} pre=${process.env.STATE_from_pre}`);
                        """);
    }

    @Test
    void aLocalNodeActionGetsInputsOutputsAndItsStateInThePostButNoPre() throws Exception {
        GantryProcess.Outcome o = nodeAction(repo(), ".github/actions/node", "main").workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - id: node
                        uses: ./.github/actions/node
                        with:
                          my input: spaced
                      - run: echo "${{ steps.node.outputs.greeting }}" > "$OUT/output"
                """).commit().run(withOut());

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(out("main")).isEqualTo("main world spaced pre=undefined");
        assertThat(out("output")).isEqualTo("hi world\n");
        assertThat(out("post")).isEqualTo("post token=t-world pre=undefined");
        assertThat(dir.resolve("out/pre")).doesNotExist();
        assertThat(o.out()).contains("`pre` is not run for the action ./.github/actions/node")
                .contains("main says ***").doesNotContain("main says hidden-value");
        assertThat(o.jobKeys()).containsExactly("a");
        assertThat(o.job("a").get("steps")).extracting(s -> s.get("name").asText())
                .containsExactly("Run ./.github/actions/node", "Run echo \"hi world\" > \"$OUT/output\"",
                        "Post Run ./.github/actions/node");
    }

    @Test
    void aNodeActionWithoutNodeOnPathFailsClearly() throws Exception {
        GantryProcess.Outcome o = nodeAction(repo(), ".github/actions/node", "main").workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/node
                        env:
                          PATH: /nonexistent
                """).commit().run(withOut());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("runs on node20, but no 'node' is on PATH");
    }

    @Test
    void badActionMetadataFailsTheStepWithItsPosition() throws Exception {
        GantryProcess.Outcome o = repo().file(".github/actions/bad/action.yml", """
                name: Bad
                description: no shell
                runs:
                  using: composite
                  steps:
                    - run: echo hi
                """).workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/bad
                      - uses: ./.github/actions/missing
                        if: always()
                """).commit().run();

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains(".github/actions/bad/action.yml:6:7: error: step 1 of the composite action runs a"
                + " script but has no 'shell'")
                .contains("cannot find action.yml or action.yaml in .github/actions/missing");
    }

    /** A repository on the file:// server: {@code srv/acme/greet}, a JavaScript action; returns its commits. */
    private String[] serveGreet() throws Exception {
        GantryProcess server = new GantryProcess(dir.resolve("srv/acme/greet"));
        nodeAction(server, ".", "v1").commit();
        Path git = dir.resolve("srv/acme/greet");
        String v1;
        try (Git g = Git.open(git.toFile())) {
            g.tag().setName("v1").setAnnotated(true).setMessage("v1").call();
            v1 = g.getRepository().resolve("HEAD").name();
        }
        nodeAction(server, ".", "v2").commit();
        try (Git g = Git.open(git.toFile())) {
            return new String[] {v1, g.getRepository().resolve("HEAD").name()};
        }
    }

    private static final String REMOTE_WORKFLOW = """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - id: tag
                    uses: acme/greet@%s
                    with:
                      who: tag
                  - run: echo "${{ steps.tag.outputs.greeting }}" > "$OUT/tag-output"; cp "$OUT/main" "$OUT/tag-main"
                  - uses: acme/greet@%s
                    with:
                      who: sha
            """;

    @Test
    void aRemoteActionIsFetchedByTagAndByShaThenServedOfflineFromTheCache() throws Exception {
        String[] commits = serveGreet();
        GantryProcess repo = repo().workflow(REMOTE_WORKFLOW.formatted("v1", commits[1])).commit();

        GantryProcess.Outcome online = repo.run(withOut());

        assertThat(online.exit()).as(online.out()).isZero();
        assertThat(out("tag-output")).isEqualTo("hi tag\n");
        assertThat(out("tag-main")).isEqualTo("v1 tag undefined pre=yes");
        assertThat(out("main")).isEqualTo("v2 sha undefined pre=yes");
        assertThat(online.job("a").get("steps")).extracting(s -> s.get("name").asText()).startsWith(
                "Pre Run acme/greet@v1", "Pre Run acme/greet@" + commits[1]);
        assertThat(dir.resolve("cache/actions/acme/greet/" + commits[0] + "/main.js")).exists();
        assertThat(dir.resolve("cache/actions/acme/greet/" + commits[1] + "/main.js")).exists();

        // The server is gone: the cache serves both refs.
        Files.move(dir.resolve("srv"), dir.resolve("srv-away"));
        Files.delete(dir.resolve("out/main"));
        GantryProcess.Outcome offline = repo.run(withOut("--offline"));

        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(out("tag-main")).isEqualTo("v1 tag undefined pre=yes");
        assertThat(out("main")).isEqualTo("v2 sha undefined pre=yes");
        assertThat(out("post")).isEqualTo("post token=t-tag pre=yes");

        GantryProcess.Outcome missing = repo.workflow(REMOTE_WORKFLOW.formatted("v9", commits[1])).commit()
                .run(withOut("--offline"));

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("the action acme/greet@v9 is not in the action cache")
                .contains("--offline forbids fetching it");
    }

    @Test
    void aMissingRefOnTheServerFailsTheStepNamingIt() throws Exception {
        serveGreet();
        GantryProcess.Outcome o = repo().workflow(REMOTE_WORKFLOW.formatted("v7", "v1")).commit().run(withOut());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("the action repository acme/greet (" + System.getProperty("gantry.github.url")
                + "/acme/greet) has no tag, branch or commit 'v7'");
    }

    @Test
    void actionSourceReplacesARemoteActionWithALocalFolder() throws Exception {
        nodeAction(new GantryProcess(dir.resolve("local-greet")), ".", "local");
        GantryProcess.Outcome o = repo().workflow(REMOTE_WORKFLOW.formatted("v1", "v1")).commit()
                .run(withOut("--offline", "--action-source", "Acme/Greet=" + dir.resolve("local-greet")));

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(out("tag-main")).isEqualTo("local tag undefined pre=yes");
        assertThat(dir.resolve("cache/actions")).doesNotExist();
    }

    @Test
    void withoutBuiltinActionsTheRealOnesAreFetched() throws Exception {
        GantryProcess checkout = new GantryProcess(dir.resolve("srv/actions/checkout"));
        checkout.file("action.yml", """
                name: Checkout stand-in
                description: proves the repository's action ran
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: echo "fetched checkout ${{ inputs.fetch-depth }}" > "$OUT/checkout"
                """).commit();
        try (Git g = Git.open(dir.resolve("srv/actions/checkout").toFile())) {
            g.tag().setName("v4").call();
        }
        GantryProcess.Outcome o = repo().workflow("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          fetch-depth: 0
                """).commit().run(withOut("--no-builtin-actions"));

        assertThat(o.exit()).as(o.out()).isZero();
        assertThat(out("checkout")).isEqualTo("fetched checkout 0\n");
    }
}

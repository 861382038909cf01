package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uses: docker://IMAGE} steps through a real Docker engine with the locally built test
 * images: args and entrypoint, INPUT_ variables, the workspace, file commands and workflow commands
 * from inside the container, the job's network, and pull policies without a registry.
 */
class GithubDockerStepIT extends DockerEngineTest {

    private static final String BUSYBOX = "gantry-test/busybox:latest";

    @TempDir
    Path dir;


    @Test
    void aDockerStepGetsArgsEntrypointInputsWorkspaceAndWritesOutputsAndEnv() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).file("hello.txt", "from the workspace\n")
                .workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: d
                        uses: docker://%1$s
                        env:
                          FROM_STEP: step-env
                        with:
                          greeting: hello there
                          entrypoint: sh
                          args: >-
                            -c "echo \\"in $(pwd) greeting=$INPUT_GREETING env=$FROM_STEP\\";
                            cat hello.txt; echo made > made.txt;
                            echo answer=42 >> $GITHUB_OUTPUT; echo FROM_DOCKER=yes >> $GITHUB_ENV;
                            echo ::add-mask::topsecret; echo the secret is topsecret;
                            echo home=$HOME event=$GITHUB_EVENT_PATH; test -s $GITHUB_EVENT_PATH && echo event-present"
                      - run: |
                          echo "output=${{ steps.d.outputs.answer }} env=$FROM_DOCKER"
                          cat made.txt
                      - uses: docker://%1$s
                        with:
                          args: echo with the image entrypoint 'quoted   words'
                """.formatted(BUSYBOX)).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("in /github/workspace greeting=hello there env=step-env", "from the workspace",
                "home=/github/home event=/github/workflow/event.json", "event-present", "the secret is ***",
                "output=42 env=yes", "made", "with the image entrypoint quoted   words");
        assertThat(o.out()).doesNotContain("topsecret");
        assertThat(o.job("j").get("steps").get(0).get("outputs").get("answer").asText()).isEqualTo("42");
        assertThat(leftovers()).as("containers left behind").isEmpty();
    }

    @Test
    void aLocalDockerfileActionRunsItsPreEntrypointAndPostWithEvaluatedArgsAndInputs() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo"))
                .file("greeter/Dockerfile", "FROM %s\nCOPY run.sh /run.sh\nENTRYPOINT [\"sh\", \"/run.sh\"]\n"
                        .formatted(BUSYBOX))
                .file("greeter/run.sh", "echo \"main args=[$*] who=$INPUT_WHO mood=$MOOD\"\n"
                        + "echo \"greeting=hello $INPUT_WHO\" >> $GITHUB_OUTPUT\n")
                .file("greeter/action.yml", """
                        name: greeter
                        description: says hello from a container
                        inputs:
                          who: {description: whom, default: world}
                        outputs:
                          greeting: {description: the greeting}
                        runs:
                          using: docker
                          image: Dockerfile
                          args: ['${{ inputs.who }}', 'second']
                          env:
                            MOOD: cheerful-${{ inputs.who }}
                          pre-entrypoint: /bin/echo
                          post-entrypoint: /bin/echo
                        """)
                .workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - id: hi
                        uses: ./greeter
                        with:
                          who: octo
                      - run: echo "got ${{ steps.hi.outputs.greeting }}"
                """).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("main args=[octo second] who=octo mood=cheerful-octo", "got hello octo",
                "Post ");
        assertThat(o.out().indexOf("octo second")).as("the pre-entrypoint runs before the entrypoint, with the args")
                .isLessThan(o.out().indexOf("main args="));
        assertThat(leftovers()).as("containers left behind").isEmpty();
    }

    @Test
    void aFailingDockerStepFailsTheJobWithItsExitCode() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker://%s
                        with:
                          args: sh -c "echo failing; exit 3"
                      - run: echo should-not-run
                """.formatted(BUSYBOX)).commit().run();

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("failing", "exit code 3").doesNotContain("]   should-not-run");
    }

    @Test
    void aDockerStepIsOnTheJobsNetworkAndReachesItsServiceByName() throws Exception {
        GantryProcess.Outcome o = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  j:
                    runs-on: ubuntu-latest
                    services:
                      redis:
                        image: redis:7
                    steps:
                      - uses: docker://%s
                        with:
                          entrypoint: sh
                          args: -c "printf 'PING\\r\\n' | nc -w 2 redis 6379"
                """.formatted(BUSYBOX)).commit().run();

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("+PONG");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pullPoliciesApplyToDockerSteps() throws Exception {
        GantryProcess repo = new GantryProcess(dir.resolve("repo")).workflow("""
                on: push
                jobs:
                  unreachable:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker://127.0.0.1:9/gantry/absent:1
                  present:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker://%s
                        with:
                          args: echo present-ran
                """.formatted(BUSYBOX)).commit();

        GantryProcess.Outcome missing = repo.run();
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("cannot pull image '127.0.0.1:9/gantry/absent:1'",
                "no image registry is reachable", "present-ran");

        GantryProcess.Outcome never = repo.run("--pull", "never");
        assertThat(never.out()).contains("the pull policy is 'never'", "present-ran");

        GantryProcess.Outcome always = repo.run("--pull", "always", "--job", "present");
        assertThat(always.exit()).isEqualTo(1);
        assertThat(always.out()).contains("cannot pull image '" + BUSYBOX + "'");

        assertThat(GantryProcess.execute("run", "--pull", "sometimes").exit()).isEqualTo(2);
    }
}

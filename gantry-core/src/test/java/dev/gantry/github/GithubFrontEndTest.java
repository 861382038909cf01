package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.gantry.diag.Diagnostic;
import dev.gantry.diag.Diagnostics;
import dev.gantry.model.AllowFailure;
import dev.gantry.model.Condition;
import dev.gantry.model.Container;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.GithubJob;
import dev.gantry.model.GithubWorkflow;
import dev.gantry.model.Input;
import dev.gantry.model.Job;
import dev.gantry.model.Matrix;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Step;
import dev.gantry.model.StepAction;
import dev.gantry.model.Variable;
import dev.gantry.yaml.YamlLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model the GitHub front end builds from a workflow. */
class GithubFrontEndTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private Pipeline parse(String yaml) {
        Pipeline pipeline = GithubFrontEnd.parse("w.yml", YamlLoader.load("w.yml", yaml, diagnostics).orElseThrow(),
                diagnostics);
        assertThat(diagnostics.sorted()).extracting(Diagnostic::format).isEmpty();
        return pipeline;
    }

    private static final String STEPS = """
                runs-on: ubuntu-latest
                steps:
                  - run: make
            """;

    @Test
    void triggersKeepEventsFiltersAndTypesInOrder() {
        Pipeline p = parse("""
                on:
                  push:
                    branches: [main, 'releases/**']
                    tags: v*
                    paths-ignore: [docs/**]
                  pull_request:
                    types: [opened, synchronize]
                    branches-ignore: [wip/**]
                  schedule:
                    - cron: '0 6 * * 1'
                    - cron: '*/5 * * * *'
                  workflow_run:
                    workflows: [CI]
                    types: [completed]
                jobs:
                  build:
                """ + STEPS);

        List<EventTrigger> events = p.triggers().events();
        assertThat(events).extracting(EventTrigger::event).containsExactly("push", "pull_request", "schedule", "workflow_run");
        assertThat(events.get(0).filters()).containsExactly(entry("branches", List.of("main", "releases/**")),
                entry("tags", List.of("v*")), entry("paths-ignore", List.of("docs/**")));
        assertThat(events.get(0).range().line()).isEqualTo(2);
        assertThat(events.get(1).types()).containsExactly("opened", "synchronize");
        assertThat(events.get(1).filters()).containsExactly(entry("branches-ignore", List.of("wip/**")));
        assertThat(events.get(2).crons()).containsExactly("0 6 * * 1", "*/5 * * * *");
        assertThat(events.get(3).filters()).containsExactly(entry("workflows", List.of("CI")));
        assertThat(events.get(3).types()).containsExactly("completed");
    }

    @Test
    void stringAndListFormsOfOnNameEventsWithoutFilters() {
        assertThat(parse("on: push\njobs:\n  build:\n" + STEPS).triggers().events())
                .extracting(EventTrigger::event).containsExactly("push");
        List<EventTrigger> events = parse("on: [push, pull_request]\njobs:\n  build:\n" + STEPS).triggers().events();
        assertThat(events).extracting(EventTrigger::event).containsExactly("push", "pull_request");
        assertThat(events).allMatch(e -> e.filters().isEmpty() && e.types().isEmpty());
    }

    @Test
    void dispatchInputsKeepTypesDefaultsAndOptions() {
        Pipeline p = parse("""
                on:
                  workflow_dispatch:
                    inputs:
                      env:
                        description: Target
                        type: choice
                        options: [staging, production]
                        default: staging
                        required: true
                      debug:
                        type: boolean
                        default: false
                      count:
                        type: number
                        default: 3
                      name:
                jobs:
                  build:
                """ + STEPS);

        List<Input> inputs = p.triggers().events().get(0).inputs();
        assertThat(inputs).containsExactly(
                new Input("env", "choice", "Target", true, "staging", List.of("staging", "production"),
                        inputs.get(0).range()),
                new Input("debug", "boolean", null, false, "false", List.of(), inputs.get(1).range()),
                new Input("count", "number", null, false, "3", List.of(), inputs.get(2).range()),
                new Input("name", "string", null, false, null, List.of(), inputs.get(3).range()));
        assertThat(inputs.get(0).range().line()).isEqualTo(4);
    }

    @Test
    void workflowCallKeepsInputsSecretsAndOutputs() {
        Pipeline p = parse("""
                on:
                  workflow_call:
                    inputs:
                      version:
                        type: string
                        required: true
                    secrets:
                      token:
                        required: true
                      optional:
                    outputs:
                      image:
                        value: ${{ jobs.build.outputs.image }}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    outputs:
                      image: ${{ steps.push.outputs.image }}
                    steps:
                      - id: push
                        run: echo image=x >> "$GITHUB_OUTPUT"
                """);

        GithubWorkflow workflow = (GithubWorkflow) p.details();
        assertThat(p.triggers().events().get(0).inputs()).extracting(Input::name, Input::type, Input::required)
                .containsExactly(tuple("version", "string", true));
        assertThat(workflow.callSecrets()).containsExactly(entry("token", true), entry("optional", false));
        assertThat(workflow.callOutputs()).containsExactly(entry("image", "${{ jobs.build.outputs.image }}"));
        assertThat(p.jobs().get(0).outputs()).containsExactly(entry("image", "${{ steps.push.outputs.image }}"));
    }

    @Test
    void jobsKeepNeedsConditionNameAndEnvInDocumentOrder() {
        Pipeline p = parse("""
                on: push
                env:
                  B: 2
                  A: one
                jobs:
                  build:
                    name: Build it
                    runs-on: ubuntu-latest
                    env:
                      Z: z
                      Y: ${{ vars.A }}
                    steps:
                      - run: make
                  test:
                    needs: build
                    if: github.ref == 'refs/heads/main'
                    runs-on: ubuntu-latest
                    steps:
                      - run: make test
                  deploy:
                    needs: [build, test]
                    runs-on: [self-hosted, linux]
                    steps:
                      - run: make deploy
                """);

        assertThat(p.variables()).extracting(Variable::name, Variable::value)
                .containsExactly(tuple("B", "2"), tuple("A", "one"));
        Job build = p.job("build").orElseThrow();
        Job test = p.job("test").orElseThrow();
        Job deploy = p.job("deploy").orElseThrow();
        assertThat(build.name()).isEqualTo("Build it");
        assertThat(test.name()).isEqualTo("test");
        assertThat(build.env()).extracting(Variable::name).containsExactly("Z", "Y");
        assertThat(build.needs()).isEmpty();
        assertThat(build.condition()).isInstanceOf(Condition.Default.class);
        assertThat(test.condition()).isEqualTo(new Condition.Expression("github.ref == 'refs/heads/main'",
                ((Condition.Expression) test.condition()).range()));
        assertThat(deploy.needs()).extracting(Need::job).containsExactly("build", "test");
        assertThat(deploy.needs().get(1).range().line()).isEqualTo(21);
        assertThat(deploy.runsOn()).containsExactly("self-hosted", "linux");
        assertThat(build.range().line()).isEqualTo(6);
    }

    @Test
    void stepsKeepTheirFields() {
        Pipeline p = parse("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - id: checkout
                        name: Check out
                        uses: actions/checkout@v4
                        with:
                          fetch-depth: 0
                          lfs: true
                      - name: Build
                        if: success()
                        run: |
                          make
                          make install
                        shell: bash
                        working-directory: src
                        env:
                          CC: clang
                          CFLAGS: -O2
                        continue-on-error: true
                        timeout-minutes: 2.5
                      - run: ./flaky.sh
                        continue-on-error: ${{ vars.TOLERATE == 'yes' }}
                """);

        List<Step> steps = p.jobs().get(0).steps();
        Step checkout = steps.get(0);
        assertThat(checkout.id()).isEqualTo("checkout");
        assertThat(checkout.name()).isEqualTo("Check out");
        assertThat(checkout.action()).isEqualTo(new StepAction.Uses("actions/checkout@v4",
                Map.of("fetch-depth", "0", "lfs", "true")));
        assertThat(((StepAction.Uses) checkout.action()).with()).containsExactly(entry("fetch-depth", "0"), entry("lfs", "true"));
        Step build = steps.get(1);
        assertThat(build.action()).isEqualTo(new StepAction.Run("make\nmake install\n"));
        assertThat(build.condition()).isEqualTo("success()");
        assertThat(build.shell()).isEqualTo("bash");
        assertThat(build.workingDirectory()).isEqualTo("src");
        assertThat(build.env()).extracting(Variable::name, Variable::value).containsExactly(
                tuple("CC", "clang"), tuple("CFLAGS", "-O2"));
        assertThat(build.continueOnError()).isEqualTo(AllowFailure.YES);
        assertThat(build.timeout()).isEqualTo(Duration.ofSeconds(150));
        assertThat(build.range().line()).isEqualTo(12);
        assertThat(steps.get(2).continueOnError()).isEqualTo(new AllowFailure(false, "${{ vars.TOLERATE == 'yes' }}", List.of()));
        assertThat(steps.get(2).id()).isNull();
    }

    @Test
    void unquotedNumbersAndBooleansInEnvAndWithAreWrittenBackAsGithubWritesThem() {
        Pipeline p = parse("""
                on: push
                env:
                  KERNEL: 5.10
                  WP: 6.0
                  HEX: 0x1F
                  BIG: 12345678901234567890
                  QUOTED: '5.10'
                  FLAG: True
                  EMPTY:
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    env:
                      FIL_C_VERSION: 0.680
                    steps:
                      - uses: maxim-lobanov/setup-xcode@v1
                        with:
                          xcode-version: 12.0
                          exact: "12.0"
                        env:
                          EXP: 1e3
                """);

        assertThat(p.variables()).extracting(Variable::name, Variable::value).containsExactly(
                tuple("KERNEL", "5.1"), tuple("WP", "6"), tuple("HEX", "31"), tuple("BIG", "1.23456789012346E+19"),
                tuple("QUOTED", "5.10"), tuple("FLAG", "true"), tuple("EMPTY", ""));
        Job build = p.jobs().get(0);
        assertThat(build.env()).extracting(Variable::value).containsExactly("0.68");
        Step step = build.steps().get(0);
        assertThat(((StepAction.Uses) step.action()).with()).containsExactly(entry("xcode-version", "12"),
                entry("exact", "12.0"));
        assertThat(step.env()).extracting(Variable::value).containsExactly("1000");
    }

    @Test
    void aHugeTimeoutIsCappedAtACenturySoTheRunnerCanMeasureIt() {
        Pipeline p = parse("""
                on: push
                jobs:
                  forever:
                    runs-on: ubuntu-latest
                    timeout-minutes: 1e300
                    steps:
                      - run: make
                        timeout-minutes: 1e12
                """);

        Job job = p.jobs().get(0);
        assertThat(job.timeout()).isEqualTo(TimeoutMinutes.LONGEST);
        assertThat(job.steps().get(0).timeout()).isEqualTo(TimeoutMinutes.LONGEST);
        assertThat(TimeoutMinutes.LONGEST.toNanos()).isLessThan(Long.MAX_VALUE / 2);
    }

    @Test
    void strategyBecomesAMatrixWithIncludeAndExclude() {
        Pipeline p = parse("""
                on: push
                jobs:
                  test:
                    runs-on: ${{ matrix.os }}
                    strategy:
                      fail-fast: false
                      max-parallel: 3
                      matrix:
                        os: [ubuntu-latest, windows-latest]
                        node: [18, 20]
                        include:
                          - os: ubuntu-latest
                            coverage: true
                        exclude:
                          - os: windows-latest
                            node: 18
                    steps:
                      - run: npm test
                """);

        Matrix matrix = p.jobs().get(0).matrix();
        assertThat(matrix.axisSets()).containsExactly(Map.of("os", List.of("ubuntu-latest", "windows-latest"),
                "node", List.of(18L, 20L)));
        assertThat(matrix.axisSets().get(0).keySet()).containsExactly("os", "node");
        assertThat(matrix.include()).containsExactly(Map.of("os", "ubuntu-latest", "coverage", true));
        assertThat(matrix.exclude()).containsExactly(Map.of("os", "windows-latest", "node", 18L));
        assertThat(matrix.failFast()).isEqualTo("false");
        assertThat(matrix.maxParallel()).isEqualTo(3);
        assertThat(matrix.expression()).isNull();
        assertThat(p.jobs().get(0).runsOn()).containsExactly("${{ matrix.os }}");
    }

    @Test
    void aStrategyWithoutAMatrixRunsTheJobOnceAndMaxParallelZeroIsNoLimit() {
        // psf/requests' run-tests.yml (strategy: fail-fast only) and nodejs/undici's ci.yml
        // (max-parallel: 0) run on GitHub.
        Pipeline p = parse("""
                on: push
                jobs:
                  once:
                    runs-on: ubuntu-latest
                    strategy:
                      fail-fast: true
                    steps:
                      - run: make
                  legs:
                    runs-on: ubuntu-latest
                    strategy:
                      max-parallel: 0
                      matrix:
                        node: [20, 22]
                    steps:
                      - run: npm test
                """);

        assertThat(p.jobs().get(0).matrix()).isNull();
        assertThat(p.jobs().get(1).matrix().maxParallel()).isZero();
    }

    @Test
    void matrixExpressionsAreKeptAsWritten() {
        Pipeline p = parse("""
                on: push
                jobs:
                  setup:
                    runs-on: ubuntu-latest
                    outputs:
                      m: ${{ steps.m.outputs.m }}
                    steps:
                      - id: m
                        run: echo 'm={}' >> "$GITHUB_OUTPUT"
                  whole:
                    needs: setup
                    runs-on: ubuntu-latest
                    strategy:
                      matrix: ${{ fromJSON(needs.setup.outputs.m) }}
                    steps:
                      - run: echo ${{ matrix.x }}
                  parts:
                    needs: setup
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        os: ${{ fromJSON(needs.setup.outputs.m).os }}
                        include: ${{ fromJSON(needs.setup.outputs.m).include }}
                    steps:
                      - run: echo ${{ matrix.os }}
                """);

        assertThat(p.job("whole").orElseThrow().matrix().expression()).isEqualTo("${{ fromJSON(needs.setup.outputs.m) }}");
        Matrix parts = p.job("parts").orElseThrow().matrix();
        assertThat(parts.axisSets()).containsExactly(Map.of("os", "${{ fromJSON(needs.setup.outputs.m).os }}"));
        assertThat(parts.includeExpression()).isEqualTo("${{ fromJSON(needs.setup.outputs.m).include }}");
    }

    @Test
    void containerAndServicesKeepImagesOptionsAndCredentials() {
        Pipeline p = parse("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    container:
                      image: node:20
                      credentials:
                        username: me
                        password: ${{ secrets.PW }}
                      env:
                        NODE_ENV: test
                      ports: [80, '8080:80']
                      volumes: [/data]
                      options: --cpus 1
                    services:
                      db:
                        image: postgres:16
                        ports: [5432]
                      cache: redis:7
                    steps:
                      - run: make
                """);

        Job job = p.jobs().get(0);
        Container container = job.container();
        assertThat(container.image()).isEqualTo("node:20");
        assertThat(container.alias()).isNull();
        assertThat(container.env()).extracting(Variable::name).containsExactly("NODE_ENV");
        assertThat(container.ports()).containsExactly("80", "8080:80");
        assertThat(container.volumes()).containsExactly("/data");
        assertThat(container.options()).isEqualTo("--cpus 1");
        assertThat(job.services()).extracting(Container::alias, Container::image).containsExactly(
                tuple("db", "postgres:16"), tuple("cache", "redis:7"));
        GithubJob details = (GithubJob) job.details();
        assertThat(details.containerCredentials()).isEqualTo(new GithubJob.Credentials("me", "${{ secrets.PW }}"));
        assertThat(details.serviceCredentials()).isEmpty();
    }

    @Test
    void reusableWorkflowCallsKeepUsesWithAndSecrets() {
        Pipeline p = parse("""
                on: push
                jobs:
                  call:
                    uses: octo/shared/.github/workflows/build.yml@v1
                    with:
                      version: 2
                      debug: true
                    secrets:
                      token: ${{ secrets.TOKEN }}
                  inherit:
                    uses: ./.github/workflows/deploy.yml
                    secrets: inherit
                """);

        GithubJob call = (GithubJob) p.job("call").orElseThrow().details();
        assertThat(call.uses()).isEqualTo("octo/shared/.github/workflows/build.yml@v1");
        assertThat(call.with()).containsExactly(entry("version", "2"), entry("debug", "true"));
        assertThat(call.secrets()).containsExactly(entry("token", "${{ secrets.TOKEN }}"));
        assertThat(call.inheritSecrets()).isFalse();
        GithubJob inherit = (GithubJob) p.job("inherit").orElseThrow().details();
        assertThat(inherit.inheritSecrets()).isTrue();
        assertThat(inherit.secrets()).isEmpty();
        assertThat(p.job("inherit").orElseThrow().steps()).isEmpty();
    }

    @Test
    void permissionsTellUnwrittenFromEmpty() {
        Pipeline p = parse("""
                on: push
                permissions: read-all
                jobs:
                  none:
                    permissions: {}
                """ + STEPS + """
                  scoped:
                    permissions:
                      contents: read
                      id-token: write
                      code-quality: write
                      workflows: write
                """ + STEPS + """
                  default:
                """ + STEPS);

        assertThat(((GithubWorkflow) p.details()).permissions()).containsExactly(entry("*", "read-all"));
        assertThat(((GithubJob) p.job("none").orElseThrow().details()).permissions()).isEmpty();
        assertThat(((GithubJob) p.job("scoped").orElseThrow().details()).permissions())
                .containsExactly(entry("contents", "read"), entry("id-token", "write"), entry("code-quality", "write"),
                        entry("workflows", "write"));
        assertThat(((GithubJob) p.job("default").orElseThrow().details()).permissions()).isNull();
    }

    @Test
    void concurrencyDefaultsEnvironmentRunsOnGroupAndTimeouts() {
        Pipeline p = parse("""
                on: push
                concurrency: ci-${{ github.ref }}
                defaults:
                  run:
                    shell: bash
                    working-directory: app
                jobs:
                  deploy:
                    runs-on:
                      group: big
                      labels: [linux]
                    environment:
                      name: production
                      url: https://example.com
                      deployment: false
                    concurrency:
                      group: deploy
                      cancel-in-progress: true
                    defaults:
                      run:
                        shell: pwsh
                    timeout-minutes: ${{ fromJSON(vars.T) }}
                    continue-on-error: true
                    steps:
                      - run: ./deploy.sh
                  quick:
                    runs-on: ubuntu-latest
                    environment: staging
                    timeout-minutes: 10
                    steps:
                      - run: ./check.sh
                """);

        GithubWorkflow workflow = (GithubWorkflow) p.details();
        assertThat(workflow.concurrency().group()).isEqualTo("ci-${{ github.ref }}");
        assertThat(workflow.concurrency().cancelInProgress()).isNull();
        assertThat(workflow.defaults()).isEqualTo(new GithubWorkflow.RunDefaults("bash", "app"));
        Job deploy = p.job("deploy").orElseThrow();
        GithubJob details = (GithubJob) deploy.details();
        assertThat(deploy.runsOn()).containsExactly("linux");
        assertThat(details.runsOnGroup()).isEqualTo("big");
        assertThat(deploy.environment().name()).isEqualTo("production");
        assertThat(deploy.environment().url()).isEqualTo("https://example.com");
        assertThat(details.deployment()).isFalse();
        assertThat(deploy.concurrency().group()).isEqualTo("deploy");
        assertThat(deploy.concurrency().cancelInProgress()).isEqualTo("true");
        assertThat(details.defaults()).isEqualTo(new GithubWorkflow.RunDefaults("pwsh", null));
        assertThat(deploy.timeout()).isNull();
        assertThat(details.timeoutExpression()).isEqualTo("${{ fromJSON(vars.T) }}");
        assertThat(deploy.allowFailure()).isEqualTo(AllowFailure.YES);
        Job quick = p.job("quick").orElseThrow();
        assertThat(quick.environment().name()).isEqualTo("staging");
        assertThat(((GithubJob) quick.details()).deployment()).isTrue();
        assertThat(quick.timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aWorkflowWithErrorsStillGivesTheModelOfWhatCouldBeRead() {
        Pipeline p = GithubFrontEnd.parse("w.yml", YamlLoader.load("w.yml", """
                on: push
                jobs:
                  build:
                    runs_on: ubuntu-latest
                    steps:
                      - run: make
                  test:
                    needs: build
                    runs-on: ubuntu-latest
                    steps:
                      - run: make test
                """, diagnostics).orElseThrow(), diagnostics);

        assertThat(diagnostics.hasErrors()).isTrue();
        assertThat(p.jobs()).extracting(Job::id).containsExactly("build", "test");
    }
    @Test
    void aParallelGroupRunsItsStepsInOrderWithAWarning() {
        Pipeline p = GithubFrontEnd.parse("w.yml", YamlLoader.load("w.yml", """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make
                      - parallel:
                          - name: unit
                            run: make unit
                          - id: lint
                            run: make lint
                      - run: make dist
                """, diagnostics).orElseThrow(), diagnostics);

        assertThat(p.job("test").orElseThrow().steps()).extracting(Step::name, Step::id)
                .containsExactly(tuple(null, null), tuple("unit", null), tuple(null, "lint"), tuple(null, null));
        assertThat(diagnostics.sorted()).extracting(Diagnostic::format).containsExactly("w.yml:7:9: warning: gantry"
                + " runs the 2 steps of this 'parallel' group one after another, not at once; a failing one skips the"
                + " group's later steps, which GitHub would still finish [parallel-steps]");
    }

    @Test
    void backgroundStepsAreReportedAsNotSupportedYet() {
        GithubFrontEnd.parse("w.yml", YamlLoader.load("w.yml", """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - id: server
                        run: ./serve
                        background: true
                      - wait: server
                      - parallel:
                          - run: a
                          - wat: b
                """, diagnostics).orElseThrow(), diagnostics);

        assertThat(diagnostics.sorted()).extracting(Diagnostic::format).containsExactly(
                "w.yml:8:9: error: 'background' (parallel steps) in step 1 of job 'test' is not supported by gantry"
                        + " yet; a 'parallel' group is [parallel-steps]",
                "w.yml:9:9: error: 'wait' (parallel steps) in step 2 of job 'test' is not supported by gantry yet;"
                        + " a 'parallel' group is [parallel-steps]",
                "w.yml:10:9: warning: gantry runs the 2 steps of this 'parallel' group one after another, not at"
                        + " once; a failing one skips the group's later steps, which GitHub would still finish"
                        + " [parallel-steps]",
                "w.yml:12:13: error: step 3.2 of job 'test' has neither 'uses' nor 'run' [step-action]",
                "w.yml:12:13: error: unknown key 'wat' in step 3.2 of job 'test'; did you mean 'wait'? [unknown-key]");
    }
}

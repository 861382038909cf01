package dev.gantry.gitlab;

import static dev.gantry.gitlab.GitlabTesting.clean;
import static dev.gantry.gitlab.GitlabTesting.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.model.AllowFailure;
import dev.gantry.model.Cache;
import dev.gantry.model.Condition;
import dev.gantry.model.Container;
import dev.gantry.model.GitlabJob;
import dev.gantry.model.GitlabPipeline;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.model.Retry;
import dev.gantry.model.Rule;
import dev.gantry.model.Step;
import dev.gantry.model.Variable;
import dev.gantry.model.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model a GitLab pipeline becomes, keyword by keyword. */
class JobModelTest {

    private static Condition.Rules condition(Job job) {
        return (Condition.Rules) job.condition();
    }

    @Test
    void stagesDefaultAndCustomAlwaysBetweenPreAndPost() {
        assertThat(clean("j: {script: [x]}\n").stages()).containsExactly(".pre", "build", "test", "deploy", ".post");
        assertThat(clean("stages: [.post, lint, [test, lint], .pre]\nj: {stage: lint, script: [x]}\n").stages())
                .containsExactly(".pre", "lint", "test", ".post");
    }

    @Test
    void jobsWithoutStageAreInTest() {
        Pipeline p = clean("first: {stage: .pre, script: [x]}\nj: {script: [x]}\n");
        assertThat(job(p, "j").stage()).isEqualTo("test");
        assertThat(job(p, "first").stage()).isEqualTo(".pre");
    }

    @Test
    void globalVariablesKeepExpandDescriptionAndOptions() {
        Pipeline p = clean("""
                variables:
                  PLAIN: hello
                  NUMBER: 3.10
                  RAW:
                    value: "$NOT_EXPANDED"
                    expand: false
                  TARGET:
                    value: staging
                    description: Where to deploy
                    options: [staging, production]
                  NOTE:
                    description: Only a description
                j: {script: [x]}
                """);
        assertThat(p.variables()).extracting(Variable::name, Variable::value, Variable::expand, Variable::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PLAIN", "hello", true, null),
                        org.assertj.core.groups.Tuple.tuple("NUMBER", "3.1", true, null),
                        org.assertj.core.groups.Tuple.tuple("RAW", "$NOT_EXPANDED", false, null),
                        org.assertj.core.groups.Tuple.tuple("TARGET", "staging", true, "Where to deploy"),
                        org.assertj.core.groups.Tuple.tuple("NOTE", "", true, "Only a description"));
        assertThat(p.variables().get(3).options()).containsExactly("staging", "production");
        assertThat(p.variables().get(0).range().line()).isEqualTo(2);
    }

    @Test
    void unquotedNumbersTakeTheValueGitlabsYaml11ParserGivesThem() {
        Pipeline p = clean("""
                variables:
                  OCTAL: 012345
                  QUOTED: "012345"
                  NOT_OCTAL: 019
                  HEX: 0x1F
                  BINARY: 0b101
                  GROUPED: 1_000
                  NEGATIVE: -010
                  PLAIN: 42
                j:
                  variables:
                    MODE: 0755
                  script: [x]
                """);
        assertThat(p.variables()).extracting(Variable::value)
                .containsExactly("5349", "012345", "019", "31", "5", "1000", "-8", "42");
        assertThat(job(p, "j").env()).extracting(Variable::value).containsExactly("493");
    }

    @Test
    void needsNotWrittenEmptyAndDetailed() {
        Pipeline p = clean("""
                build: {stage: build, script: [x]}
                matrix:
                  stage: build
                  script: [x]
                  parallel:
                    matrix:
                      - {PROVIDER: aws, STACK: [a, b]}
                staged: {script: [x]}
                early: {needs: [], script: [x]}
                dag:
                  needs:
                    - build
                    - {job: matrix, artifacts: false, optional: true, parallel: {matrix: [{PROVIDER: aws, STACK: b}]}}
                    - {project: other/project, job: lib, ref: main, artifacts: true}
                  script: [x]
                """);
        assertThat(job(p, "staged").needs()).as("follows the stage order").isNull();
        assertThat(job(p, "early").needs()).as("needs: [] starts at once").isEmpty();
        List<Need> needs = job(p, "dag").needs();
        assertThat(needs).extracting(Need::job, Need::artifacts, Need::optional).containsExactly(
                org.assertj.core.groups.Tuple.tuple("build", true, false),
                org.assertj.core.groups.Tuple.tuple("matrix: [aws, b]", false, true));
        assertThat(((GitlabJob) job(p, "dag").details()).externalNeeds()).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("project", "other/project"));
    }

    @Test
    void rulesKeepEveryClause() {
        Pipeline p = clean("""
                j:
                  script: [x]
                  rules:
                    - if: $CI_COMMIT_BRANCH == "main"
                      changes: {paths: [src/**/*], compare_to: refs/heads/main}
                      when: manual
                      allow_failure: true
                      variables: {TARGET: prod}
                    - exists: [Dockerfile]
                      when: delayed
                      start_in: 5 minutes
                      needs: []
                    - when: never
                """);
        List<Rule> rules = condition(job(p, "j")).rules();
        assertThat(rules).hasSize(3);
        Rule first = rules.get(0);
        assertThat(first.ifExpression()).isEqualTo("$CI_COMMIT_BRANCH == \"main\"");
        assertThat(first.changes()).containsExactly("src/**/*");
        assertThat(first.compareTo()).isEqualTo("refs/heads/main");
        assertThat(first.when()).isEqualTo(When.MANUAL);
        assertThat(first.allowFailure()).isEqualTo(AllowFailure.YES);
        assertThat(first.variables()).extracting(Variable::name, Variable::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TARGET", "prod"));
        assertThat(first.needs()).isNull();
        assertThat(rules.get(1).exists()).containsExactly("Dockerfile");
        assertThat(rules.get(1).startIn()).isEqualTo("5 minutes");
        assertThat(rules.get(1).needs()).isEmpty();
        assertThat(rules.get(2).when()).isEqualTo(When.NEVER);
        assertThat(rules.get(2).changes()).isNull();
    }

    @Test
    void workflowRulesAreTheTriggers() {
        Pipeline p = clean("""
                workflow:
                  name: 'Pipeline for $CI_COMMIT_REF_NAME '
                  auto_cancel: {on_new_commit: interruptible, on_job_failure: all}
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                      variables: {KIND: mr}
                    - if: $CI_COMMIT_TAG
                      when: never
                    - when: always
                j: {script: [x]}
                """);
        assertThat(p.name()).isEqualTo("Pipeline for $CI_COMMIT_REF_NAME");
        assertThat(p.triggers().rules()).extracting(Rule::when).containsExactly(null, When.NEVER, When.ALWAYS);
        GitlabPipeline details = (GitlabPipeline) p.details();
        assertThat(details.autoCancel()).isEqualTo("interruptible");
        assertThat(details.autoCancelOnJobFailure()).isEqualTo("all");
    }

    @Test
    void onlyAndExceptInListAndMapForms() {
        Pipeline p = clean("""
                a: {script: [x], only: [main, /^release-.*$/, merge_requests], except: [schedules]}
                b:
                  script: [x]
                  only:
                    refs: [branches]
                    variables: [$DEPLOY == "yes"]
                    changes: [Dockerfile]
                    kubernetes: active
                """);
        Condition.Rules a = condition(job(p, "a"));
        assertThat(a.rules()).isNull();
        assertThat(a.only().refs()).containsExactly("main", "/^release-.*$/", "merge_requests");
        assertThat(a.except().refs()).containsExactly("schedules");
        Condition.OnlyExcept b = condition(job(p, "b")).only();
        assertThat(b.refs()).containsExactly("branches");
        assertThat(b.variables()).containsExactly("$DEPLOY == \"yes\"");
        assertThat(b.changes()).containsExactly("Dockerfile");
        assertThat(b.kubernetes()).isEqualTo("active");
    }

    @Test
    void whenAllowFailureAndStartIn() {
        Pipeline p = clean("""
                manual: {script: [x], when: manual}
                blocking: {script: [x], when: manual, allow_failure: false}
                delayed: {script: [x], when: delayed, start_in: 30 minutes}
                codes: {script: [x], allow_failure: {exit_codes: [137, 255]}}
                one: {script: [x], allow_failure: {exit_codes: 1}}
                plain: {script: [x]}
                """);
        assertThat(job(p, "manual").allowFailure()).as("manual jobs may fail by default").isEqualTo(AllowFailure.YES);
        assertThat(job(p, "blocking").allowFailure()).isEqualTo(AllowFailure.NO);
        assertThat(condition(job(p, "delayed")).when()).isEqualTo(When.DELAYED);
        assertThat(condition(job(p, "delayed")).startIn()).isEqualTo("30 minutes");
        assertThat(job(p, "codes").allowFailure().exitCodes()).containsExactly(137, 255);
        assertThat(job(p, "codes").allowFailure().allowed()).isTrue();
        assertThat(job(p, "one").allowFailure().exitCodes()).containsExactly(1);
        assertThat(job(p, "plain").allowFailure()).isEqualTo(AllowFailure.NO);
        assertThat(condition(job(p, "plain")).when()).isEqualTo(When.ON_SUCCESS);
    }

    @Test
    void cachesAndArtifacts() {
        Pipeline p = clean("""
                j:
                  script: [x]
                  cache:
                    - key: {files: [Gemfile.lock, package.json], prefix: $CI_JOB_NAME}
                      paths: [vendor/ruby, node_modules]
                      policy: pull
                    - key: gems-$CI_COMMIT_REF_SLUG
                      paths: [rspec/]
                      when: always
                      untracked: true
                      unprotect: true
                      fallback_keys: [gems]
                  artifacts:
                    name: "$CI_JOB_NAME"
                    paths: [dist/]
                    exclude: [dist/**/*.map]
                    when: always
                    expire_in: 1 week
                    expose_as: Build output
                    reports:
                      junit: [rspec.xml, jest.xml]
                      dotenv: build.env
                      coverage_report: {coverage_format: cobertura, path: coverage/cobertura.xml}
                """);
        List<Cache> caches = job(p, "j").caches();
        assertThat(caches).hasSize(2);
        assertThat(caches.get(0).key()).isNull();
        assertThat(caches.get(0).keyFiles()).containsExactly("Gemfile.lock", "package.json");
        assertThat(caches.get(0).keyPrefix()).isEqualTo("$CI_JOB_NAME");
        assertThat(caches.get(0).policy()).isEqualTo("pull");
        assertThat(caches.get(0).when()).isEqualTo("on_success");
        assertThat(caches.get(1).key()).isEqualTo("gems-$CI_COMMIT_REF_SLUG");
        assertThat(caches.get(1).policy()).isEqualTo("pull-push");
        assertThat(caches.get(1).untracked()).isTrue();
        assertThat(caches.get(1).unprotect()).isTrue();
        assertThat(caches.get(1).fallbackKeys()).containsExactly("gems");
        var artifacts = job(p, "j").artifacts();
        assertThat(artifacts.name()).isEqualTo("$CI_JOB_NAME");
        assertThat(artifacts.paths()).containsExactly("dist/");
        assertThat(artifacts.exclude()).containsExactly("dist/**/*.map");
        assertThat(artifacts.when()).isEqualTo("always");
        assertThat(artifacts.expireIn()).isEqualTo("1 week");
        assertThat(artifacts.exposeAs()).isEqualTo("Build output");
        assertThat(artifacts.reports()).containsExactly(
                Map.entry("junit", List.of("rspec.xml", "jest.xml")),
                Map.entry("dotenv", List.of("build.env")),
                Map.entry("coverage_report:cobertura", List.of("coverage/cobertura.xml")));
    }

    @Test
    void parallelCountAndMatrixAxisSets() {
        Pipeline p = clean("""
                count: {script: [x], parallel: 5}
                matrix:
                  script: [x]
                  parallel:
                    matrix:
                      - PROVIDER: aws
                        STACK: [monitoring, app1]
                      - PROVIDER: [gcp, vultr]
                        STACK: [data]
                """);
        assertThat(job(p, "count").matrix().count()).isEqualTo(5);
        assertThat(job(p, "count").matrix().axisSets()).isEmpty();
        assertThat(job(p, "matrix").matrix().count()).isZero();
        assertThat(job(p, "matrix").matrix().axisSets()).containsExactly(
                Map.of("PROVIDER", "aws", "STACK", List.of("monitoring", "app1")),
                Map.of("PROVIDER", List.of("gcp", "vultr"), "STACK", List.of("data")));
    }

    @Test
    void retryForms() {
        Pipeline p = clean("""
                none: {script: [x]}
                two: {script: [x], retry: 2}
                detailed:
                  script: [x]
                  retry: {max: 1, when: [runner_system_failure, stuck_or_timeout_failure], exit_codes: 137}
                single: {script: [x], retry: {max: 2, when: script_failure}}
                later: {script: [x], retry: {max: 2, when: [runner_interrupted, runner_external_dependency_failure]}}
                """);
        assertThat(job(p, "none").retry()).isEqualTo(Retry.NONE);
        assertThat(job(p, "two").retry()).isEqualTo(new Retry(2, List.of(), List.of()));
        assertThat(job(p, "detailed").retry()).isEqualTo(new Retry(1,
                List.of("runner_system_failure", "stuck_or_timeout_failure"), List.of(137)));
        assertThat(job(p, "single").retry().when()).containsExactly("script_failure");
        assertThat(job(p, "later").retry().when())
                .containsExactly("runner_interrupted", "runner_external_dependency_failure");
    }

    @Test
    void environmentForms() {
        Pipeline p = clean("""
                short: {script: [x], environment: production}
                review:
                  script: [x]
                  environment:
                    name: review/$CI_COMMIT_REF_SLUG
                    url: https://$CI_ENVIRONMENT_SLUG.example.com
                    on_stop: stop_review
                    auto_stop_in: 1 day
                    deployment_tier: development
                stop_review:
                  script: [x]
                  when: manual
                  environment: {name: review/$CI_COMMIT_REF_SLUG, action: stop}
                """);
        assertThat(job(p, "short").environment().name()).isEqualTo("production");
        assertThat(job(p, "short").environment().action()).isEqualTo("start");
        var review = job(p, "review").environment();
        assertThat(review.url()).isEqualTo("https://$CI_ENVIRONMENT_SLUG.example.com");
        assertThat(review.onStop()).isEqualTo("stop_review");
        assertThat(review.autoStopIn()).isEqualTo("1 day");
        assertThat(review.deploymentTier()).isEqualTo("development");
        assertThat(job(p, "stop_review").environment().action()).isEqualTo("stop");
    }

    @Test
    void imagesServicesTagsTimeoutAndResourceGroup() {
        Pipeline p = clean("""
                j:
                  script: [x]
                  image: {name: "super/sql:experimental", entrypoint: [""], pull_policy: [always, if-not-present]}
                  services:
                    - postgres:16
                    - name: my-postgres:11.7
                      alias: db
                      entrypoint: ["/usr/local/bin/db-postgres"]
                      command: ["start"]
                      variables: {POSTGRES_DB: test}
                  tags: [docker, linux]
                  timeout: 1h 30m
                  resource_group: production
                """);
        Job j = job(p, "j");
        assertThat(j.container().image()).isEqualTo("super/sql:experimental");
        assertThat(j.container().entrypoint()).containsExactly("");
        assertThat(j.container().pullPolicy()).containsExactly("always", "if-not-present");
        assertThat(j.services()).extracting(Container::image, Container::alias).containsExactly(
                org.assertj.core.groups.Tuple.tuple("postgres:16", null),
                org.assertj.core.groups.Tuple.tuple("my-postgres:11.7", "db"));
        assertThat(j.services().get(1).command()).containsExactly("start");
        assertThat(j.services().get(1).env()).extracting(Variable::name).containsExactly("POSTGRES_DB");
        assertThat(j.runsOn()).containsExactly("docker", "linux");
        assertThat(j.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(j.concurrency().group()).isEqualTo("production");
    }

    @Test
    void defaultsApplyUnlessTheJobSetsThemOrInheritSaysNo() {
        Pipeline p = clean("""
                default:
                  image: ruby:3.0
                  retry: 2
                  interruptible: true
                  before_script: [bundle install]
                  after_script: [cleanup]
                  tags: [shared]
                before_script: [ignored, because default wins]
                plain: {script: [rspec]}
                own: {image: ruby:2.7, script: [rspec]}
                none: {script: [x], inherit: {default: false}}
                some: {script: [x], inherit: {default: [retry]}}
                """);
        Job plain = job(p, "plain");
        assertThat(plain.container().image()).isEqualTo("ruby:3.0");
        assertThat(plain.retry().max()).isEqualTo(2);
        assertThat(((GitlabJob) plain.details()).interruptible()).isTrue();
        assertThat(plain.steps()).extracting(Step::id).containsExactly("script", "after_script");
        assertThat(plain.steps().get(0).action().toString()).contains("bundle install").contains("rspec");
        assertThat(job(p, "own").container().image()).isEqualTo("ruby:2.7");
        Job none = job(p, "none");
        assertThat(none.container()).isNull();
        assertThat(none.steps()).extracting(Step::id).containsExactly("script");
        assertThat(none.runsOn()).isEmpty();
        Job some = job(p, "some");
        assertThat(some.retry().max()).isEqualTo(2);
        assertThat(some.container()).isNull();
        assertThat(((GitlabJob) some.details()).inheritDefault()).isEqualTo(List.of("retry"));
    }

    @Test
    void triggerJobsHaveNoStepsAndInheritNoDefaults() {
        Pipeline p = clean("""
                default: {image: alpine}
                child:
                  stage: deploy
                  trigger:
                    include: path/to/child.yml
                    strategy: depend
                  variables: {MODE: child}
                downstream: {trigger: my-group/my-project}
                """);
        Job child = job(p, "child");
        assertThat(child.steps()).isEmpty();
        assertThat(child.container()).isNull();
        assertThat(((GitlabJob) child.details()).trigger()).isEqualTo(Map.of("include", "path/to/child.yml",
                "strategy", "depend"));
        assertThat(((GitlabJob) job(p, "downstream").details()).trigger()).isEqualTo("my-group/my-project");
    }

    @Test
    void gitlabOnlyKeywordsAreKept() {
        Pipeline p = clean("""
                pages:
                  stage: deploy
                  script: [mkdocs build -d public]
                  pages: {publish: public, expire_in: 1 week}
                  artifacts: {paths: [public]}
                release:
                  script: [echo release]
                  release: {tag_name: $CI_COMMIT_TAG, description: Release}
                  coverage: '/Total: \\d+%/'
                  dependencies: []
                  secrets:
                    DB_PASSWORD: {vault: production/db/password@ops, file: false}
                  id_tokens:
                    VAULT_TOKEN: {aud: https://vault.example.com}
                  hooks:
                    pre_get_sources_script: [git config --global http.postBuffer 524288000]
                  inherit: {variables: [A]}
                """);
        GitlabJob pages = (GitlabJob) job(p, "pages").details();
        assertThat(pages.pages()).isEqualTo(Map.of("publish", "public", "expire_in", "1 week"));
        GitlabJob release = (GitlabJob) job(p, "release").details();
        assertThat(release.release()).isEqualTo(Map.of("tag_name", "$CI_COMMIT_TAG", "description", "Release"));
        assertThat(release.coverage()).isEqualTo("/Total: \\d+%/");
        assertThat(release.dependencies()).isEmpty();
        assertThat(release.secrets()).containsOnlyKeys("DB_PASSWORD");
        assertThat(release.idTokens()).containsOnlyKeys("VAULT_TOKEN");
        assertThat(release.hooks()).containsEntry("pre_get_sources_script",
                List.of("git config --global http.postBuffer 524288000"));
        assertThat(release.inheritVariables()).isEqualTo(List.of("A"));
        assertThat(release.inheritDefault()).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aJobNamedPagesIsAPagesJobUnlessItSaysOtherwise() {
        Pipeline p = clean("""
                pages: {script: [make site], artifacts: {paths: [public]}}
                docs: {script: [make docs]}
                """);
        assertThat(((GitlabJob) job(p, "pages").details()).pages()).isEqualTo(Boolean.TRUE);
        assertThat(((GitlabJob) job(p, "docs").details()).pages()).isNull();
        Pipeline off = clean("pages: {script: [x], pages: false}\n");
        assertThat(((GitlabJob) job(off, "pages").details()).pages()).isEqualTo(Boolean.FALSE);
    }

    @Test
    void hiddenJobsAreNotJobsAndJobsKeepDocumentOrder() {
        Pipeline p = clean(".hidden: {script: [x]}\nz: {script: [x]}\na: {script: [x]}\n");
        assertThat(p.jobs()).extracting(Job::id).containsExactly("z", "a");
        assertThat(job(p, "z").range().line()).isEqualTo(2);
    }
}

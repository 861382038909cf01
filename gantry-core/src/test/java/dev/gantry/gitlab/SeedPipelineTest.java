package dev.gantry.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Severity;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.model.Format;
import dev.gantry.model.Job;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The GitLab pipeline of the CI/CD guide Gantry was founded on, kept as written in
 * {@code fixtures/gitlab/seed}: it has no mistake GitLab would reject, so it lints without errors.
 */
class SeedPipelineTest {

    private final LoadResult result = PipelineLoader.load(".gitlab-ci.yml",
            new DirectorySourceFiles(Path.of("src/test/resources/fixtures/gitlab/seed")), Format.GITLAB);

    @Test
    void lintsWithoutErrors() {
        assertThat(result.diagnostics()).as(GitlabTesting.messages(result))
                .noneMatch(d -> d.severity() == Severity.ERROR);
    }

    @Test
    void definesEveryJobInItsStage() {
        assertThat(result.pipeline().stages()).containsExactly(".pre", "lint", "test", "build", "deploy", ".post");
        assertThat(result.pipeline().jobs()).extracting(Job::id, Job::stage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lint", "lint"),
                org.assertj.core.groups.Tuple.tuple("test", "test"),
                org.assertj.core.groups.Tuple.tuple("build", "build"),
                org.assertj.core.groups.Tuple.tuple("deploy_staging", "deploy"),
                org.assertj.core.groups.Tuple.tuple("deploy_production", "deploy"));
    }

    @Test
    void theGlobalCacheIsEveryJobsDefault() {
        Job lint = result.pipeline().job("lint").orElseThrow();
        assertThat(lint.caches()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("${CI_COMMIT_REF_SLUG}");
            assertThat(c.paths()).containsExactly(".cache/pip", "venv/");
        });
        Job test = result.pipeline().job("test").orElseThrow();
        assertThat(test.artifacts().reports()).containsEntry("junit", java.util.List.of("report.xml"));
        assertThat(test.services()).extracting(c -> c.image()).containsExactly("postgres:16-alpine", "redis:7-alpine");
    }
}

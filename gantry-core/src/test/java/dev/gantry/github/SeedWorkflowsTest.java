package dev.gantry.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.diag.Diagnostic;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.model.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows of the CI/CD guide Gantry was founded on (copied unchanged into
 * {@code fixtures/github/seed}) lint as their README says: the guide's one real mistake (gitops.yml
 * reads {@code steps.meta}, but no step has that id) and warnings for actions pinned to a branch,
 * nothing else; and every job of every file is in the model.
 */
class SeedWorkflowsTest {

    private static final Path SEED = Path.of("src/test/resources/fixtures/github/seed");

    @Test
    void lintReportsOnlyTheGuidesRealMistakes() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files()) {
            LoadResult result = load(file);
            result.diagnostics().stream().map(Diagnostic::format).forEach(lines::add);
        }
        assertThat(lines).containsExactly(
                "gitops.yml:10:22: error: job 'build-and-push' has no step with id 'meta' [unknown-step]",
                "security.yml:15:15: warning: action 'aquasecurity/trivy-action@master' is pinned to the branch 'master',"
                        + " which can change under the workflow; pin a release tag or a commit SHA [unpinned-action]",
                "security.yml:34:15: warning: action 'aquasecurity/trivy-action@master' is pinned to the branch 'master',"
                        + " which can change under the workflow; pin a release tag or a commit SHA [unpinned-action]");
    }

    @Test
    void everyJobIsInTheModel() throws IOException {
        List<String> jobs = new ArrayList<>();
        for (Path file : files()) {
            load(file).pipeline().jobs().forEach(j -> jobs.add(file.getFileName() + ":" + j.id()));
        }
        assertThat(jobs).containsExactly("blue-green.yml:deploy", "canary.yml:deploy-canary", "canary.yml:rollback",
                "ci.yml:lint", "ci.yml:test", "gitops.yml:build-and-push", "gitops.yml:update-manifests",
                "matrix.yml:test", "ml-pipeline.yml:data-validation", "ml-pipeline.yml:model-test",
                "ml-pipeline.yml:log-experiment", "secrets-cache.yml:deploy", "secrets-cache.yml:build",
                "secure-deploy.yml:secure-deploy", "security.yml:dependency-scan", "security.yml:container-scan",
                "test.yml:unit-tests", "test.yml:integration-tests", "triggers.yml:show");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(SEED)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static LoadResult load(Path file) {
        return PipelineLoader.load(file.getFileName().toString(), new DirectorySourceFiles(SEED), Format.GITHUB);
    }
}

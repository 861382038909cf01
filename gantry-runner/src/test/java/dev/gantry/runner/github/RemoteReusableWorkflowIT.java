package dev.gantry.runner.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.event.RepositoryFacts;
import dev.gantry.load.DirectorySourceFiles;
import dev.gantry.load.LoadResult;
import dev.gantry.load.PipelineLoader;
import dev.gantry.plan.GithubPlanner;
import dev.gantry.reusable.CallTree;
import dev.gantry.reusable.WorkflowRef;
import dev.gantry.runner.actions.ActionSettings;
import dev.gantry.runner.actions.RunServices;
import dev.gantry.runner.actions.StandardActions;
import dev.gantry.runner.actions.remote.ActionRepositories;
import dev.gantry.runner.report.JobRef;
import dev.gantry.runner.report.JobResult;
import dev.gantry.runner.report.RunListener;
import dev.gantry.runner.report.RunResult;
import dev.gantry.runner.reusable.RemoteWorkflowFiles;
import dev.gantry.runner.reusable.RepositoryWorkflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote reusable workflow ({@code owner/repo/.github/workflows/x.yml@ref}) read through the
 * {@link RemoteWorkflowFiles} port, here served from a local folder that stands for the fetched
 * repository, and run with real bash processes; including a local call inside the remote workflow,
 * which names a file of the remote repository.
 */
class RemoteReusableWorkflowIT {

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aRemoteWorkflowAndTheLocalCallInsideItRunFromTheFetchedRepository() throws Exception {
        Path repo = dir.resolve("repo");
        Path fetched = dir.resolve("fetched");
        write(repo.resolve(".github/workflows/ci.yml"), """
                on: push
                jobs:
                  tools:
                    uses: octo/tools/.github/workflows/entry.yml@v2
                    with:
                      target: prod
                  show:
                    needs: tools
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "relayed=${{ needs.tools.outputs.answer }}"
                """);
        write(fetched.resolve("octo/tools/v2/.github/workflows/entry.yml"), """
                on:
                  workflow_call:
                    inputs:
                      target:
                        type: string
                        required: true
                    outputs:
                      answer:
                        value: ${{ jobs.helper.outputs.answer }}
                jobs:
                  helper:
                    uses: ./.github/workflows/helper.yml
                    with:
                      target: ${{ inputs.target }}
                """);
        write(fetched.resolve("octo/tools/v2/.github/workflows/helper.yml"), """
                on:
                  workflow_call:
                    inputs:
                      target:
                        type: string
                    outputs:
                      answer:
                        value: ${{ jobs.work.outputs.a }}
                jobs:
                  work:
                    runs-on: ubuntu-latest
                    outputs:
                      a: ${{ steps.s.outputs.a }}
                    steps:
                      - id: s
                        run: echo "a=deployed-${{ inputs.target }}" >> "$GITHUB_OUTPUT"
                """);
        List<String> asked = new CopyOnWriteArrayList<>();
        RemoteWorkflowFiles remote = (owner, name, path, ref) -> {
            asked.add(owner + "/" + name + "@" + ref + ":" + path);
            return fetched.resolve(owner).resolve(name).resolve(ref).resolve(path);
        };

        CallTree tree = CallTree.resolve(WorkflowRef.local(".github/workflows/ci.yml"), new RepositoryWorkflows(repo, remote));
        assertThat(tree.diagnostics()).isEmpty();
        assertThat(asked).containsExactly("octo/tools@v2:.github/workflows/entry.yml", "octo/tools@v2:.github/workflows/helper.yml");

        LoadResult loaded = PipelineLoader.load(".github/workflows/ci.yml", new DirectorySourceFiles(repo));
        List<String> lines = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void line(JobRef job, String text) {
                lines.add(job.displayName() + ": " + text);
            }
        };
        Path runDir = dir.resolve("run");
        ActionSettings settings = ActionSettings.from(Map.of("GANTRY_CACHE_DIR", dir.resolve("cache").toString()),
                new Properties());
        RepositoryFacts facts = new RepositoryFacts("a".repeat(40), RepositoryFacts.ZERO_SHA, "refs/heads/main", "main",
                "me", "repo", null, "me", "m", "me", "me@example.com", Instant.EPOCH);
        GithubRun run = GithubRun.of(loaded.pipeline(), ".github/workflows/ci.yml", facts, "push", Map.of(), Map.of(),
                Map.of(), Map.of(), System.getenv(), Map.of(), repo, null, runDir, dir.resolve("tools"), 1, false,
                StandardActions.registry(), ActionRepositories.of(settings, true, Map.of()),
                RunServices.forRun(settings, runDir, Clock.systemUTC()),
                new dev.gantry.runner.container.ContainerSupport(() -> null, dev.gantry.runner.container.PullPolicy.MISSING),
                dev.gantry.runner.workspace.WorkspacePreparer.forRun());
        RunResult result = new GithubWorkflowRun(run, listener, tree)
                .execute(GithubPlanner.plan(loaded.pipeline(), Set.of(), false), 2);

        assertThat(result.jobs()).extracting(j -> j.job().key() + "=" + j.status()).containsExactly(
                "tools / helper / work=SUCCESS", "tools / helper=SUCCESS", "tools=SUCCESS", "show=SUCCESS");
        assertThat(result.jobs()).filteredOn(j -> j.job().key().equals("tools")).extracting(JobResult::outputs)
                .containsExactly(Map.of("answer", "deployed-prod"));
        assertThat(lines).contains("show: relayed=deployed-prod");
    }
}

package dev.gantry.cli;

import dev.gantry.runner.files.Trees;
import dev.gantry.runner.process.SessionSpawners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gantry __train}: exercises the common commands once on a small generated repository, so
 * that the launcher can record which classes they load in a class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}); later starts map those classes instead of loading them, which
 * is most of a short run's time. Hidden: the launcher calls it after a build.
 */
final class TrainCommand implements Callable<Integer> {

    /** The model of {@code gantry __train}: no options, hidden from the help. */
    CommandSpec spec() {
        CommandSpec spec = CommandSpecs.command(this, "__train", "Warm-up run for the class-data archive.");
        spec.usageMessage().hidden(true);
        return spec;
    }

    private static final String WORKFLOW = """
            name: train
            on: [push]
            env:
              A: ${{ github.sha }}
            jobs:
              build:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    v: [1]
                outputs:
                  o: ${{ steps.s.outputs.o }}
                steps:
                  - id: s
                    run: echo "o=${{ matrix.v }}" >> "$GITHUB_OUTPUT"
              after:
                needs: build
                if: ${{ always() && needs.build.result == 'success' }}
                runs-on: ubuntu-latest
                steps:
                  - run: echo "::add-mask::x"; echo "${{ needs.build.outputs.o }}"
            """;

    private static final String PIPELINE = """
            stages: [build, test]
            variables: {A: "$CI_COMMIT_SHA"}
            .base: {before_script: [echo base]}
            build:
              extends: .base
              stage: build
              script: [mkdir -p out, echo built > out/a.txt]
              artifacts: {paths: [out/]}
              rules:
                - if: '$CI_COMMIT_BRANCH == "main"'
            test:
              stage: test
              needs: [build]
              script: [cat out/a.txt]
              coverage: '/Total: (\\d+)%/'
              after_script: [echo done]
            """;

    @Override
    public Integer call() throws Exception {
        Path repo = Files.createTempDirectory("gantry-train-");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Files.createDirectories(repo.resolve(".github/workflows"));
            Files.writeString(repo.resolve(".github/workflows/train.yml"), WORKFLOW);
            Files.writeString(repo.resolve(".gitlab-ci.yml"), PIPELINE);
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                PersonIdent me = new PersonIdent("gantry", "gantry@localhost");
                git.commit().setMessage("train").setAuthor(me).setCommitter(me).setSign(false).call();
            }
            System.setOut(sink);
            System.setErr(sink);
            String dir = repo.toString();
            Main.execute("lint", "-C", dir);
            Main.execute("list", dir);
            Main.execute("eval", "format('{0}', contains('abc', 'b'))");
            Main.execute("run", "-C", dir, "--json", repo.resolve("result.json").toString());
            // Again once the faster spawner is ready, so that the archive holds its classes too.
            SessionSpawners.prepareInBackground().join();
            Main.execute("run", "-C", dir, "--json", repo.resolve("result.json").toString());
            Main.execute("run", repo.resolve(".gitlab-ci.yml").toString(), "--executor", "shell",
                    "--json", repo.resolve("gitlab.json").toString());
            return 0;
        } finally {
            System.setOut(out);
            System.setErr(err);
            Trees.delete(repo);
        }
    }
}

package dev.gantry.cli;

import dev.gantry.load.LoadResult;
import dev.gantry.model.EventTrigger;
import dev.gantry.model.Job;
import dev.gantry.model.Need;
import dev.gantry.model.Pipeline;
import dev.gantry.plan.MatrixCells;
import dev.gantry.plan.MatrixExpansion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gantry list}: what a workflow or pipeline defines, one table per file. */
final class ListCommand implements Callable<Integer> {

    private final CommandSpec spec = CommandSpecs.command(this, "list", "List the jobs of workflows and pipelines.");

    /** The model of {@code gantry list}. */
    CommandSpec spec() {
        spec.addPositional(CommandSpecs.positional(Path.class, "0..1", "FILE|DIR", ".",
                "A file, or a folder to search (default: .)."));
        spec.addOption(CommandSpecs.option(Path.class, "DIR", ".", "Repository root (default: .).",
                "-C", "--workdir"));
        return CommandSpecs.withStandardHelp(spec);
    }

    @Override
    public Integer call() {
        Path target = CommandSpecs.positional(spec, 0);
        Path workdir = CommandSpecs.value(spec, "--workdir");
        Workspace ws = new Workspace(workdir);
        Path abs = workdir.resolve(target);
        List<Path> files = Files.isDirectory(abs) ? ws.discover(target) : List.of(target);
        if (files.isEmpty()) {
            System.err.println("gantry list: no .github/workflows/*.yml or .gitlab-ci.yml in " + target);
            return 2;
        }
        int status = 0;
        for (Path file : files) {
            LoadResult r = ws.load(file);
            if (r.pipeline() == null) {
                r.diagnostics().forEach(d -> System.err.println(d.format()));
                status = 2;
                continue;
            }
            print(r.file(), r.pipeline());
        }
        return status;
    }

    private static void print(String file, Pipeline p) {
        System.out.println(file + (p.name() != null ? "  (" + p.name() + ")" : ""));
        String events = p.triggers().events().stream().map(EventTrigger::event).collect(Collectors.joining(","));
        if (!events.isEmpty()) {
            System.out.println("  on: " + events);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "NAME", "STAGE", "NEEDS", "MATRIX"});
        for (Job j : p.jobs()) {
            rows.add(new String[] {j.id(), j.name(), j.stage() == null ? "-" : j.stage(),
                    j.needs() == null || j.needs().isEmpty() ? "-"
                            : j.needs().stream().map(Need::job).collect(Collectors.joining(",")),
                    matrixSize(j)});
        }
        Table.print(rows, System.out);
        System.out.println();
    }

    /** The number of cells, "dynamic" when an expression decides it at run time, "-" without a matrix. */
    private static String matrixSize(Job job) {
        if (job.matrix() == null) {
            return "-";
        }
        return switch (MatrixExpansion.expand(job.matrix())) {
            case MatrixCells.Cells c -> Integer.toString(c.size());
            case MatrixCells.Dynamic d -> "dynamic";
            case MatrixCells.TooLarge t -> ">" + MatrixExpansion.MAX_COMBINATIONS;
        };
    }
}

import dev.gantry.runner.workspace.WorkspacePreparer;
import dev.gantry.runner.workspace.WorkspaceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times WorkspacePreparer on a repository: java WorkspaceBench.java REPO SCRATCH ROUNDS THREADS...
 * Prints the fastest and the median of ROUNDS runs per mode and thread count; run by bench/workspace.sh.
 */
public class WorkspaceBench {

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
            int threads = Integer.parseInt(args[i]);
            WorkspacePreparer preparer = new WorkspacePreparer(threads);
            measure("working tree", threads, rounds, scratch, dest -> preparer.fromWorkingTree(repo, dest));
            measure("--ref HEAD  ", threads, rounds, scratch, dest -> preparer.fromRevision(repo, "HEAD", dest));
        }
    }

    interface Prepare {
        WorkspaceResult run(Path destination);
    }

    private static void measure(String mode, int threads, int rounds, Path scratch, Prepare prepare) throws IOException {
        List<double[]> samples = new ArrayList<>();
        for (int round = 0; round < rounds + 1; round++) {
            Path dest = scratch.resolve("ws-" + round);
            long start = System.nanoTime();
            WorkspaceResult result = prepare.run(dest);
            double total = (System.nanoTime() - start) / 1e6;
            if (!(result instanceof WorkspaceResult.Prepared p)) {
                throw new IllegalStateException(result.toString());
            }
            if (round > 0) { // the first round warms up the JIT and is not counted
                samples.add(new double[] {total, p.listing().toNanos() / 1e6, p.writing().toNanos() / 1e6, p.files()});
            }
            delete(dest);
        }
        samples.sort(Comparator.comparingDouble(s -> s[0]));
        double[] best = samples.get(0);
        double[] median = samples.get(samples.size() / 2);
        System.out.printf("%s threads=%d files=%d  min %6.0f ms (listing %4.0f, writing %5.0f)  median %6.0f ms%n",
                mode, threads, (int) best[3], best[0], best[1], best[2], median[0]);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

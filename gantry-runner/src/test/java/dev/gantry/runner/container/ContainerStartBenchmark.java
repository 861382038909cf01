package dev.gantry.runner.container;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Container start overhead of one job: create and start a keep-alive job container, exec
 * {@code true} in it, remove it, through {@link DockerContainerRuntime}; the same for a docker step
 * ({@link ContainerRuntime#run} of {@code true}: create, start, follow, wait, remove); next to the
 * engine's own {@code docker run --rm IMAGE true}, run by the docker command. The three are
 * interleaved, one of each per round, so that a noisy machine slows both alike; the first round of each warms up and
 * is reported apart. Run by bench/container-start.sh; prints medians in milliseconds.
 */
public final class ContainerStartBenchmark {

    private ContainerStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String image = args.length > 1 ? args[1] : TestEngine.BUSYBOX;
        List<Double> gantry = new ArrayList<>();
        List<Double> step = new ArrayList<>();
        List<Double> docker = new ArrayList<>();
        String runId = TestEngine.newRunId();
        try (DockerContainerRuntime runtime = DockerContainerRuntime.fromSystemEnvironment()) {
            Availability availability = runtime.available();
            if (!availability.available()) {
                throw new IllegalStateException(availability.detail());
            }
            System.out.println("engine: " + availability.detail() + "; image " + image + "; rounds " + rounds);
            for (int round = 0; round <= rounds; round++) {
                gantry.add(gantryCycle(runtime, image, runId, round));
                step.add(stepCycle(runtime, image, runId, round));
                docker.add(dockerRun(image));
            }
            runtime.cleanup(runId);
        }
        System.out.printf(Locale.ROOT, "first round (cold):           gantry %.0f ms, step %.0f ms, docker run %.0f ms%n",
                gantry.get(0), step.get(0), docker.get(0));
        report("gantry create+start+exec true+remove", gantry.subList(1, gantry.size()));
        report("gantry run (docker step) of true", step.subList(1, step.size()));
        report("docker run --rm " + image + " true", docker.subList(1, docker.size()));
        double dockerMedian = median(docker.subList(1, docker.size()));
        System.out.printf(Locale.ROOT, "ratio of medians: job container %.2f, docker step %.2f%n",
                median(gantry.subList(1, gantry.size())) / dockerMedian, median(step.subList(1, step.size())) / dockerMedian);
    }

    private static double gantryCycle(ContainerRuntime runtime, String image, String runId, int round) throws Exception {
        long start = System.nanoTime();
        StartedContainer container = runtime.start(ContainerSpec.builder(image,
                ResourceNames.jobContainer(runId, "bench-" + round), runId).keepAlive().build());
        ExecResult result = runtime.exec(container.id(), ExecSpec.of("true")).await((stream, line) -> { });
        runtime.remove(container.id());
        double millis = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded()) {
            throw new IllegalStateException("exec true failed: " + result);
        }
        return millis;
    }

    private static double stepCycle(ContainerRuntime runtime, String image, String runId, int round) {
        long start = System.nanoTime();
        ExecResult result = runtime.run(ContainerSpec.builder(image, ResourceNames.join("gantry", runId, "step", "bench-"
                + round), runId).entrypoint(java.util.List.of("true")).build(), java.util.Optional.empty())
                .await((stream, line) -> { });
        double millis = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded()) {
            throw new IllegalStateException("run of true failed: " + result);
        }
        return millis;
    }

    private static double dockerRun(String image) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("docker", "run", "--rm", image, "true")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker run failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-45s median %.0f ms (min %.0f, max %.0f, n=%d)%n", what + ":",
                median(millis), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

package dev.gantry.runner.container;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine and images the integration tests need. When something is missing the tests
 * fail with the reason when {@code CI} is set (CI starts the engine: .ci/docker-up.sh and
 * .ci/test-images.sh), and are skipped with the reason printed otherwise.
 */
public final class TestEngine {

    public static final String BUSYBOX = "gantry-test/busybox:latest";
    public static final String REDIS = "gantry-test/redis:latest";

    private TestEngine() {
    }

    /** A runtime on the engine of this environment, or the test is failed or skipped. */
    public static DockerContainerRuntime runtime(ExecStopSettings stop) {
        DockerContainerRuntime runtime = new DockerContainerRuntime(System.getenv(), stop);
        Availability availability = runtime.available();
        if (!availability.available()) {
            runtime.close();
            missing("no Docker engine for the container tests: " + availability.detail()
                    + " (run: bash .ci/docker-up.sh)");
        }
        try {
            for (String image : List.of(BUSYBOX, REDIS)) {
                if (!runtime.imageExists(image)) {
                    runtime.close();
                    missing("the test image " + image + " is missing (run: bash .ci/test-images.sh)");
                }
            }
        } catch (ContainerException e) {
            runtime.close();
            missing(e.getMessage());
        }
        return runtime;
    }

    public static DockerContainerRuntime runtime() {
        return runtime(ExecStopSettings.defaults());
    }

    /** A run id no other test run uses. */
    public static String newRunId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void missing(String reason) {
        if (System.getenv("CI") != null) {
            fail(reason);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}

package dev.gantry.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gantry.runner.container.Availability;
import dev.gantry.runner.container.DockerContainerRuntime;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine of the container tests: in CI (the {@code CI} variable set) a missing engine
 * fails the test, since .ci/run starts one; elsewhere the test is skipped with the reason.
 */
final class TestDocker {

    private TestDocker() {
    }

    static DockerContainerRuntime engineOrSkip() {
        DockerContainerRuntime engine = DockerContainerRuntime.fromSystemEnvironment();
        Availability a = engine.available();
        if (!a.available()) {
            engine.close();
            String reason = "no Docker engine: " + a.detail() + " (run: bash .ci/docker-up.sh)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return engine;
    }
}

package dev.gantry.cli;

import dev.gantry.runner.container.DockerContainerRuntime;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the integration tests against the real Docker engine share: the engine (a test fails when
 * it is missing in CI, see {@link TestDocker#engineOrSkip()}), and what the test's own runs left on
 * it, told apart from other runs that share the engine.
 */
abstract class DockerEngineTest {

    static DockerContainerRuntime engine;

    /** Runs that had left something on the engine before the test. */
    private Set<String> before;

    @BeforeAll
    static void engine() {
        engine = TestDocker.engineOrSkip();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void notePreviousLeftovers() throws Exception {
        before = engine.runsWithLeftovers();
    }

    /** The runs with containers, networks or volumes left that were not there when the test began. */
    Set<String> leftovers() throws Exception {
        Set<String> now = new TreeSet<>(engine.runsWithLeftovers());
        now.removeAll(before);
        return now;
    }
}

package dev.gantry.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The step contract with {@code posix_spawn} through the Foreign Function &amp; Memory API. Every
 * JDK 22+ on Linux with glibc 2.34+ (the test machines: JDK 25, Debian's glibc 2.36) must load it,
 * so its absence there fails; on JDK 21, which cannot have it, the contract runs the JDK's way.
 */
class PosixSpawnerStepProcessIT extends StepProcessContract {

    private static final boolean FFM = Runtime.version().feature() >= 22;

    @Override
    SessionSpawner spawner() {
        return FFM ? SessionSpawners.loadPosix().orElseThrow(
                () -> new AssertionError("the posix_spawn spawner did not load on this JVM and machine"))
                : new JdkSessionSpawner(SessionLauncher.detect().orElseThrow());
    }

    @Test
    void loadsWhereverTheJvmHasTheForeignFunctionApi() {
        assertThat(SessionSpawners.loadPosix().isPresent()).isEqualTo(FFM);
    }
}
